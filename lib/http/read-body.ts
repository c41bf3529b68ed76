import "server-only";
import type { NextRequest } from "next/server";
import type { z } from "zod";

import { AppError } from "@/lib/errors/app-error";

/** The request's JSON body, checked against its schema (422 when it fails). */
export async function readBody<Schema extends z.ZodType>(
  request: NextRequest,
  schema: Schema,
): Promise<z.infer<Schema>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new AppError(
      "BAD_REQUEST",
      "The request body is not JSON. Send a JSON object.",
    );
  }
  return schema.parse(body);
}
