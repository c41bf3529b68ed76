import "server-only";
import type { Kysely } from "kysely";
import { z } from "zod";

import type { Database } from "@/lib/db/schema";

export const ExamDateSchema = z.iso
  .date({ error: "must be a date like 2027-03-15" })
  .nullable();

export async function getExamDate(
  db: Kysely<Database>,
  learnerId: string,
): Promise<string | null> {
  const row = await db
    .selectFrom("learners")
    .select("exam_date")
    .where("id", "=", learnerId)
    .executeTakeFirst();
  return row?.exam_date ?? null;
}

export async function setExamDate(
  db: Kysely<Database>,
  learnerId: string,
  examDate: string | null,
): Promise<void> {
  await db
    .updateTable("learners")
    .set({ exam_date: examDate })
    .where("id", "=", learnerId)
    .execute();
}
