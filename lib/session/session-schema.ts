import { z } from "zod";

/** Everything the server keeps about a browser session, stored as JSON. */
export const SessionSchema = z.object({
  version: z.literal(1),
  learner: z.object({
    id: z.uuid(),
    kind: z.literal("guest"),
    displayName: z.string().min(1),
  }),
  createdAt: z.number().int(),
  refreshedAt: z.number().int(),
  /** The question on screen, so the server can time the answer itself. */
  drill: z
    .object({ questionId: z.string().min(1), startedAt: z.number().int() })
    .nullable(),
});

export type Session = z.infer<typeof SessionSchema>;
