import { z } from "zod";

/** The JSON body of every failed API response, read by server and browser. */
export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.string()).optional(),
  }),
});

export type ErrorBody = z.infer<typeof ErrorBodySchema>;
