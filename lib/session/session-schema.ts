import { z } from "zod";

const OptionLettersSchema = z.array(z.string().regex(/^[A-Z]$/)).max(6);

/** A drill in progress: the working copy of its row in SQL. */
export const DrillStateSchema = z.object({
  id: z.uuid(),
  questionIds: z.array(z.string().min(1)).min(1),
  position: z.number().int().min(0),
  /** Verdicts so far, by question id. */
  answered: z.record(z.string(), z.boolean()),
});

/** A mock exam in progress: the working copy of its rows in SQL. */
export const ExamStateSchema = z.object({
  id: z.uuid(),
  examCode: z.string().min(1),
  questionIds: z.array(z.string().min(1)).min(1),
  durationMinutes: z.number().int().min(1),
  shortened: z.boolean(),
  startedAt: z.number().int(),
  deadlineAt: z.number().int(),
  answers: z.record(
    z.string(),
    z.object({ chosen: OptionLettersSchema, flagged: z.boolean() }),
  ),
});

/** Who a session belongs to: a guest, or a member with an account. */
export const LearnerSchema = z.object({
  id: z.uuid(),
  kind: z.enum(["guest", "member"]),
  displayName: z.string().min(1),
  role: z.enum(["learner", "instructor", "admin"]),
});

export type Learner = z.infer<typeof LearnerSchema>;

/** Everything the server keeps about a browser session, stored as JSON. */
export const SessionSchema = z.object({
  version: z.literal(3),
  learner: LearnerSchema,
  createdAt: z.number().int(),
  refreshedAt: z.number().int(),
  /** When the SQL record of this session was last marked as in use. */
  seenAt: z.number().int(),
  /** The question on screen, so the server can time the answer itself. */
  onScreen: z
    .object({ questionId: z.string().min(1), startedAt: z.number().int() })
    .nullable(),
  drill: DrillStateSchema.nullable(),
  exam: ExamStateSchema.nullable(),
});

export type Session = z.infer<typeof SessionSchema>;
export type DrillState = z.infer<typeof DrillStateSchema>;
export type ExamState = z.infer<typeof ExamStateSchema>;
