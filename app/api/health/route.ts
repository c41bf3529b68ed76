import { NextResponse } from "next/server";

import { checkHealth } from "@/lib/health/check-health";
import { route } from "@/lib/http/route";

/** Liveness for load balancers and people: 200 when every dependency answers. */
export const GET = route(async () => {
  const report = await checkHealth();
  return NextResponse.json(report, { status: report.ok ? 200 : 503 });
});
