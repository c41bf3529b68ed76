import { z } from "zod";

/** What /api/session-lab tells the browser about the request it served. */
export const SessionLabReplySchema = z.object({
  instance: z.string(),
  /** The start of the session's memcached key, never the cookie. */
  key: z.string(),
  home: z.string(),
  backup: z.string().nullable(),
});
export type SessionLabReply = z.infer<typeof SessionLabReplySchema>;

/** The session read and write durations of a `Server-Timing` header. */
export function sessionTimings(header: string | null) {
  const durationOf = (name: string) => {
    const entry = header
      ?.split(",")
      .map((part) => part.trim())
      .find((part) => part.split(";")[0] === name);
    const match = entry && /;dur=([\d.]+)/.exec(entry);
    return match ? Number(match[1]) : null;
  };
  return {
    readMs: durationOf("session-read"),
    writeMs: durationOf("session-write"),
  };
}
