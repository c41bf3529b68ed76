"use client";

import { useCallback } from "react";
import type { z } from "zod";

import { callApi, type ApiResult } from "@/components/call-api";
import { useSession } from "@/components/session-provider";

/**
 * callApi for components: when the session has expired it opens a new one
 * (restored from SQL if the server still knows it) and tries once more.
 */
export function useApi() {
  const { refresh } = useSession();

  return useCallback(
    async <Schema extends z.ZodType>(
      url: string,
      schema: Schema,
      init?: { method?: string; body?: unknown },
    ): Promise<ApiResult<z.infer<Schema>>> => {
      const first = await callApi(url, schema, init);
      if (first.ok || first.status !== 401) return first;

      const session = await refresh();
      if (session.status !== "ready") {
        return {
          ok: false,
          status: 503,
          code: "SESSION_UNAVAILABLE",
          message:
            session.status === "unavailable"
              ? session.message
              : "Your session could not be opened. Reload the page.",
        };
      }
      return callApi(url, schema, init);
    },
    [refresh],
  );
}
