import "server-only";
import autocannon from "autocannon";

import type { LoadRun } from "@/lib/benchmarks/benchmark-report";

export type LoadRequest = {
  method: "GET" | "POST";
  path: string;
  body?: string;
};

export type LoadOptions = {
  target: string;
  baseUrl: string;
  requests: LoadRequest[];
  connections: number;
  seconds: number;
  /** One cookie header per connection, so each acts as its own learner. */
  cookies?: string[];
};

/**
 * Drives a server with autocannon, each connection cycling through the
 * requests, and keeps the figures the report needs. Aimed at loopback only.
 */
export async function runLoad(options: LoadOptions): Promise<LoadRun> {
  const url = new URL(options.baseUrl);
  if (!["127.0.0.1", "localhost", "[::1]"].includes(url.hostname)) {
    throw new Error(`the benchmark only loads loopback, not ${url.hostname}`);
  }
  // Each connection takes the next cookie the first time it sends, and keeps
  // it: autocannon hands every connection a context of its own.
  let next = 0;
  const cookieOf = (context: Record<string, unknown>) => {
    if (!options.cookies) return {};
    context.cookie ??= options.cookies[next++ % options.cookies.length];
    return { cookie: context.cookie as string };
  };
  const result = await autocannon({
    url: options.baseUrl,
    connections: options.connections,
    duration: options.seconds,
    requests: options.requests.map(({ method, path, body }) => ({
      method,
      path,
      body,
      setupRequest: (request, context) => ({
        ...request,
        headers: {
          ...request.headers,
          "content-type": "application/json",
          ...cookieOf(context as Record<string, unknown>),
        },
      }),
    })),
  });
  return {
    target: options.target,
    seconds: options.seconds,
    connections: options.connections,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
