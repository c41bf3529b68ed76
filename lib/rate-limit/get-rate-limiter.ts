import "server-only";

import { getMemcached } from "@/lib/memcached/get-memcached";
import {
  createRateLimiter,
  type RateLimiter,
} from "@/lib/rate-limit/rate-limit";

let limiter: RateLimiter | undefined;

/** The process-wide limiter, counting in the shared memcached. */
export function getRateLimiter(): RateLimiter {
  limiter ??= createRateLimiter(getMemcached());
  return limiter;
}
