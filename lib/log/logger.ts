import "server-only";
import { z } from "zod";

const LEVELS = ["debug", "info", "warn", "error"] as const;
type Level = (typeof LEVELS)[number];
type Fields = Record<string, unknown>;

const threshold = LEVELS.indexOf(
  z.enum(LEVELS).catch("info").parse(process.env.LOG_LEVEL),
);
const asJson = process.env.NODE_ENV === "production";

function serialize(value: unknown): unknown {
  if (value instanceof Error) {
    return { name: value.name, message: value.message, stack: value.stack };
  }
  return value;
}

function write(level: Level, msg: string, fields: Fields = {}) {
  if (LEVELS.indexOf(level) < threshold) return;

  const entries = Object.entries(fields).map(
    ([key, value]) => [key, serialize(value)] as const,
  );
  const stream =
    level === "error" || level === "warn" ? process.stderr : process.stdout;
  if (asJson) {
    const line = {
      time: new Date().toISOString(),
      level,
      msg,
      ...Object.fromEntries(entries),
    };
    stream.write(`${JSON.stringify(line)}\n`);
    return;
  }
  const detail = entries
    .map(
      ([key, value]) =>
        `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`,
    )
    .join(" ");
  stream.write(
    `${level.toUpperCase().padEnd(5)} ${msg}${detail ? ` ${detail}` : ""}\n`,
  );
}

/** The one logger: JSON lines in production, readable lines elsewhere. */
export const logger = {
  debug: (msg: string, fields?: Fields) => write("debug", msg, fields),
  info: (msg: string, fields?: Fields) => write("info", msg, fields),
  warn: (msg: string, fields?: Fields) => write("warn", msg, fields),
  error: (msg: string, fields?: Fields) => write("error", msg, fields),
};
