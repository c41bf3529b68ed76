import "server-only";
import type { NextAuthOptions, User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { cookies, headers } from "next/headers";

import { EmailSchema } from "@/lib/accounts/email";
import { signInWithOidc } from "@/lib/accounts/oidc-sign-in";
import { emailClaims } from "@/lib/accounts/oidc-userinfo";
import { checkPasswordSignIn } from "@/lib/accounts/password-sign-in";
import { AUTH_COOKIE, cookieSecure } from "@/lib/auth/auth-cookie";
import { authSecret } from "@/lib/auth/auth-secret";
import { startMemberSession } from "@/lib/auth/member-session";
import { findPreviousSession } from "@/lib/auth/previous-session";
import { getDb } from "@/lib/db/get-db";
import { getEnv } from "@/lib/env/env";
import { logger } from "@/lib/log/logger";
import { SESSION_COOKIE } from "@/lib/session/session-cookie";
import { SessionIdSchema } from "@/lib/session/session-id";
import { revokeSessions } from "@/lib/session/revoke-session";
import { clientAddress } from "@/lib/rate-limit/rate-limit";

/** The issuer as discovery reports it: no trailing slash. */
function oidcIssuer(): string | null {
  return getEnv().OIDC_ISSUER?.replace(/\/$/, "") ?? null;
}

function oidcProvider() {
  const env = getEnv();
  const issuer = oidcIssuer();
  if (!issuer || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return [];
  return [
    {
      id: "oidc",
      name: env.OIDC_NAME,
      type: "oauth" as const,
      wellKnown: `${issuer}/.well-known/openid-configuration`,
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email" } },
      idToken: true,
      checks: ["pkce" as const, "state" as const, "nonce" as const],
      profile: (profile: { sub: string; email?: string }) => ({
        id: profile.sub,
        email: profile.email ?? null,
      }),
    },
  ];
}

/**
 * next-auth handles the sign-in ceremony only. Its token (a JWT, because the
 * Credentials provider issues nothing else) carries one claim we read: the
 * id of a server-side session, checked against memcached and SQL on every
 * request, so revoking that session signs the browser out everywhere at once.
 */
export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    useSecureCookies: cookieSecure(),
    cookies: {
      sessionToken: {
        name: AUTH_COOKIE,
        options: {
          httpOnly: true,
          sameSite: "lax",
          path: "/",
          secure: cookieSecure(),
        },
      },
    },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "email and password",
        credentials: { email: {}, password: {} },
        async authorize(credentials): Promise<User | null> {
          const email = EmailSchema.safeParse(credentials?.email);
          if (!email.success || !credentials?.password) return null;
          const learnerId = await checkPasswordSignIn(
            email.data,
            credentials.password,
            clientAddress(await headers()),
          );
          return learnerId ? { id: learnerId } : null;
        },
      }),
      ...oidcProvider(),
    ],
    callbacks: {
      async signIn({ user, account, profile }) {
        if (account?.provider !== "oidc") return true;
        const issuer = oidcIssuer()!;
        const claims = await emailClaims(issuer, profile, account.access_token);
        const previous = await findPreviousSession();
        const result = await signInWithOidc(getDb(), {
          issuer,
          subject: account.providerAccountId,
          ...claims,
          guest:
            previous?.learner.kind === "guest"
              ? { learnerId: previous.learner.id }
              : null,
        });
        if (!result.ok) return `/sign-in?error=${result.reason}`;
        user.id = result.learnerId;
        return true;
      },
      async jwt({ token, user }) {
        if (!user) return token;
        const sid = await startMemberSession(
          user.id,
          await findPreviousSession(),
        );
        (await cookies()).delete(SESSION_COOKIE);
        return { sid };
      },
      async session({ session }) {
        return { expires: session.expires };
      },
    },
    events: {
      async signOut({ token }) {
        const sid = SessionIdSchema.safeParse(token?.sid);
        if (sid.success) await revokeSessions(getDb(), { id: sid.data });
      },
    },
    logger: {
      error: (code, metadata) =>
        logger.error("sign-in error", { code, metadata }),
      warn: (code) => logger.warn("sign-in warning", { code }),
      debug: () => {},
    },
  };
}
