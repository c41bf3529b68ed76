/**
 * A small cookie-keeping client, so a test can act as one browser: it keeps
 * every cookie the server sets (and drops the ones it expires) and sends
 * them all back, as a browser does for one host. `headers` go with every
 * request, e.g. the X-Forwarded-For a proxy in front of the app would add.
 */
export function browserLike({
  headers: always = {},
}: { headers?: Record<string, string> } = {}) {
  const jar = new Map<string, string>();

  function remember(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const name = pair.slice(0, pair.indexOf("=")).trim();
      const value = pair.slice(pair.indexOf("=") + 1).trim();
      const expired = attributes.some((a) =>
        /^\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(a),
      );
      if (expired || value === "") jar.delete(name);
      else jar.set(name, value);
    }
  }

  return {
    get cookie() {
      return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
    },
    has: (name: string) => jar.has(name),
    async request(url: string, init: RequestInit = {}) {
      const headers = new Headers(always);
      new Headers(init.headers).forEach((value, name) =>
        headers.set(name, value),
      );
      if (jar.size > 0) headers.set("cookie", this.cookie);
      if (init.body && !headers.has("content-type"))
        headers.set("content-type", "application/json");
      const response = await fetch(url, {
        ...init,
        headers,
        redirect: "manual",
      });
      remember(response);
      return response;
    },
  };
}

export type BrowserLike = ReturnType<typeof browserLike>;

/**
 * Signs in through next-auth's Credentials endpoint as a browser form would:
 * fetch a CSRF token, then post it with the email and password. Returns the
 * HTTP status and the error code next-auth put in its redirect, if any.
 */
export async function signInOverHttp(
  browser: BrowserLike,
  baseUrl: string,
  email: string,
  password: string,
) {
  const csrf = (await (
    await browser.request(`${baseUrl}/api/auth/csrf`)
  ).json()) as { csrfToken: string };
  const response = await browser.request(
    `${baseUrl}/api/auth/callback/credentials`,
    {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        csrfToken: csrf.csrfToken,
        email,
        password,
        callbackUrl: baseUrl,
        json: "true",
      }).toString(),
    },
  );
  const location = response.headers.get("location") ?? "";
  const body = response.headers.get("content-type")?.includes("json")
    ? ((await response.json()) as { url?: string })
    : {};
  const where = new URL(body.url ?? location ?? baseUrl, baseUrl);
  return { status: response.status, error: where.searchParams.get("error") };
}

/** Signs out through next-auth's endpoint, as the sign-out button does. */
export async function signOutOverHttp(browser: BrowserLike, baseUrl: string) {
  const csrf = (await (
    await browser.request(`${baseUrl}/api/auth/csrf`)
  ).json()) as { csrfToken: string };
  const response = await browser.request(`${baseUrl}/api/auth/signout`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      csrfToken: csrf.csrfToken,
      json: "true",
    }).toString(),
  });
  return response.status;
}
