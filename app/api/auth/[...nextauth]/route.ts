import NextAuth from "next-auth";

import { authOptions } from "@/lib/auth/auth-options";

type Context = { params: Promise<{ nextauth: string[] }> };

// Built per request, so nothing reads the environment or the auth secret
// while `next build` imports this module.
function handler(request: Request, context: Context) {
  return NextAuth(authOptions())(request, context);
}

export { handler as GET, handler as POST };
