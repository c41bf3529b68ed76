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
import {
  findPreviousSession,
  type PreviousSession,
} from "@/lib/auth/previous-session";
import { signInStep } from "@/lib/auth/sign-in-failure";
import { getDb } from "@/lib/db/get-db";
import { getEnv } from "@/lib/env/env";
import { clientAddress } from "@/lib/http/client-address";
import { logger } from "@/lib/log/logger";
import { SESSION_COOKIE } from "@/lib/session/session-cookie";
import { SessionIdSchema } from "@/lib/session/session-id";
import { revokeSessions } from "@/lib/session/revoke-session";

/**
 * The session started for a user in the `signIn` callback, for the `jwt`
 * callback to put in the token: next-auth hands both the same user object.
 */
const startedSessions = new WeakMap<User, string>();

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
 * Finds or creates the account behind an OpenID Connect sign-in and makes it
 * the user's id, or returns where to send a refused sign-in.
 */
async function oidcAccount(
  user: User,
  account: { providerAccountId: string; access_token?: string },
  profile: unknown,
  previous: PreviousSession | null,
): Promise<string | null> {
  const issuer = oidcIssuer()!;
  const claims = await emailClaims(issuer, profile, account.access_token);
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
  return null;
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
          const password = credentials.password;
          const learnerId = await signInStep("checking a password", async () =>
            checkPasswordSignIn(
              email.data,
              password,
              clientAddress(await headers()),
            ),
          );
          return learnerId ? { id: learnerId } : null;
        },
      }),
      ...oidcProvider(),
    ],
    callbacks: {
      // Everything that can fail runs here rather than in `jwt`, where
      // next-auth would let a thrown error become a bare 500.
      async signIn({ user, account, profile }) {
        return signInStep("starting a member session", async () => {
          const previous = await findPreviousSession();
          if (account?.provider === "oidc") {
            const refused = await oidcAccount(user, account, profile, previous);
            if (refused) return refused;
          }
          startedSessions.set(
            user,
            await startMemberSession(user.id, previous),
          );
          (await cookies()).delete(SESSION_COOKIE);
          return true;
        });
      },
      async jwt({ token, user }) {
        if (!user) return token;
        return { sid: SessionIdSchema.parse(startedSessions.get(user)) };
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
