/** A tiny cookie-keeping client, so a test can act as one browser. */
export function browserLike() {
  let cookie = "";

  return {
    get cookie() {
      return cookie;
    },
    async request(url: string, init: RequestInit = {}) {
      const headers = new Headers(init.headers);
      if (cookie) headers.set("cookie", cookie);
      if (init.body) headers.set("content-type", "application/json");
      const response = await fetch(url, {
        ...init,
        headers,
        redirect: "manual",
      });
      const set = response.headers.get("set-cookie");
      if (set) cookie = set.split(";")[0] ?? "";
      return response;
    },
  };
}
