import "server-only";
import { z } from "zod";

const DiscoverySchema = z.object({ userinfo_endpoint: z.url() });
const ClaimsSchema = z.object({
  email: z.string().optional(),
  email_verified: z.boolean().optional(),
});

export type EmailClaims = { email: string | null; emailVerified: boolean };

/**
 * The email claims of a signed-in identity. In the code flow a provider may
 * keep scope claims such as email out of the ID token and serve them only
 * from its userinfo endpoint (OpenID Connect Core 5.4), and next-auth reads
 * only the ID token once `idToken` is on, so this asks userinfo when the ID
 * token lacks them.
 */
export async function emailClaims(
  issuer: string,
  idTokenClaims: unknown,
  accessToken: string | undefined,
): Promise<EmailClaims> {
  const fromToken = ClaimsSchema.safeParse(idTokenClaims);
  if (fromToken.success && fromToken.data.email) {
    return {
      email: fromToken.data.email,
      emailVerified: fromToken.data.email_verified === true,
    };
  }
  if (!accessToken) return { email: null, emailVerified: false };

  const discovery = DiscoverySchema.parse(
    await (await fetch(`${issuer}/.well-known/openid-configuration`)).json(),
  );
  const response = await fetch(discovery.userinfo_endpoint, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  const claims = ClaimsSchema.safeParse(await response.json());
  return claims.success && claims.data.email
    ? {
        email: claims.data.email,
        emailVerified: claims.data.email_verified === true,
      }
    : { email: null, emailVerified: false };
}
