import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type RequestListener, type Server } from "node:http";

// @ts-expect-error -- oidc-provider 8 ships no types of its own.
import UntypedProvider from "oidc-provider";

import { freePort } from "@/scripts/memcached.mjs";

export type OidcServer = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  stop(): Promise<void>;
};

export type OidcAccounts = Record<
  string,
  { email: string; emailVerified: boolean }
>;

// The one part of oidc-provider's API these tests use.
const Provider = UntypedProvider as new (
  issuer: string,
  configuration: Record<string, unknown>,
) => { callback(): RequestListener };

/** A fresh RSA key, so the provider never falls back to its shared dev key. */
function signingKey() {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { ...privateKey.export({ format: "jwk" }), kid: "test", use: "sig" };
}

/** The provider's account lookup: the login name typed in is the `sub`. */
function accountFinder(accounts: OidcAccounts) {
  return (_ctx: unknown, sub: string) => {
    const account = accounts[sub];
    if (!account) return undefined;
    return {
      accountId: sub,
      claims: () => ({
        sub,
        email: account.email,
        email_verified: account.emailVerified,
      }),
    };
  };
}

/**
 * oidc-provider announces each development shortcut it takes (in-memory
 * storage, built-in login pages) when it is constructed; a test server takes
 * them on purpose, and the notices would bury the test's own output.
 */
function quietly<T>(make: () => T): T {
  const { warn, info } = console;
  console.warn = console.info = () => {};
  try {
    return make();
  } finally {
    Object.assign(console, { warn, info });
  }
}

// Set explicitly because each default lifetime prints a notice when used.
const LIFETIMES_SECONDS = {
  AccessToken: 600,
  AuthorizationCode: 60,
  Grant: 3600,
  IdToken: 600,
  Interaction: 600,
  Session: 3600,
};

function listen(server: Server, port: number) {
  return new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
}

/**
 * A real OpenID Connect provider over plain http on 127.0.0.1, with one
 * confidential client and oidc-provider's built-in login and consent pages,
 * which accept any password. Pass `port` and `clientSecret` when the app
 * must be configured before the provider can know the app's redirect URI.
 */
export async function startOidcServer(options: {
  redirectUris: string[];
  accounts: OidcAccounts;
  port?: number;
  clientSecret?: string;
}): Promise<OidcServer> {
  const port = options.port ?? ((await freePort()) as number);
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = "certdrill";
  const clientSecret = options.clientSecret ?? randomBytes(24).toString("hex");

  const provider = quietly(
    () =>
      new Provider(issuer, {
        clients: [
          {
            client_id: clientId,
            client_secret: clientSecret,
            redirect_uris: options.redirectUris,
            grant_types: ["authorization_code"],
            response_types: ["code"],
            // openid-client's default, which next-auth v4 does not change.
            token_endpoint_auth_method: "client_secret_basic",
          },
        ],
        claims: { openid: ["sub"], email: ["email", "email_verified"] },
        // The strict reading of OIDC Core (oidc-provider's default): scope
        // claims such as email come only from userinfo, never in the ID
        // token, so the app must ask userinfo for them.
        conformIdTokenClaims: true,
        findAccount: accountFinder(options.accounts),
        jwks: { keys: [signingKey()] },
        cookies: { keys: [randomBytes(32).toString("hex")] },
        features: { devInteractions: { enabled: true } },
        ttl: LIFETIMES_SECONDS,
      }),
  );

  const server = createServer(provider.callback());
  await listen(server, port);

  return {
    issuer,
    clientId,
    clientSecret,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
