import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

import type { NextConfig } from "next";
import {
  PHASE_DEVELOPMENT_SERVER,
  PHASE_PRODUCTION_BUILD,
} from "next/constants";

type Header = { key: string; value: string };

/**
 * Written by scripts/csp-manifest.mjs after `next build`: for every
 * prerendered HTML file, the route it is served at and the sha256 sources of
 * its inline scripts. See docs/decisions/009-content-security-policy.md.
 */
type CspManifest = { buildId: string; pages: Record<string, string[]> };

const DIST_DIR = path.join(process.cwd(), ".next");
const CSP_MANIFEST = path.join(DIST_DIR, "csp-manifest.json");

// Next serves these at whatever path has no page (or failed to render), so
// their scripts are the only inline ones allowed on paths outside the
// manifest. Pages allow them too: header sources match case-insensitively,
// so /QUESTIONS/x gets the policy of /questions/x but the 404 page's HTML.
const ERROR_PAGES = new Set(["/_not-found", "/_global-error"]);

// Features the app never uses; an empty list denies them to every frame.
const DENIED_FEATURES = [
  "accelerometer",
  "autoplay",
  "bluetooth",
  "camera",
  "display-capture",
  "geolocation",
  "gyroscope",
  "hid",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "serial",
  "usb",
  "xr-spatial-tracking",
];

function contentSecurityPolicy(scriptHashes: Iterable<string>): Header {
  const scriptSources = ["'self'", ...[...scriptHashes].map((h) => `'${h}'`)];
  return {
    key: "Content-Security-Policy",
    value: [
      "default-src 'self'",
      `script-src ${scriptSources.join(" ")}`,
      // Shiki's highlighted code arrives as HTML with style attributes, and
      // charts and progress bars set inline widths.
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self'",
      "font-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join("; "),
  };
}

function usualHeaders(https: boolean): Header[] {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    // Same-origin requests keep the full URL (handy in our logs); other
    // origins see only ours, never a question or exam id.
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    // For browsers that predate frame-ancestors.
    { key: "X-Frame-Options", value: "DENY" },
    {
      key: "Permissions-Policy",
      value: DENIED_FEATURES.map((feature) => `${feature}=()`).join(", "),
    },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
    // Browsers ignore it over plain http, so `next start` on localhost is
    // unaffected; behind TLS it pins the site to https for two years.
    ...(https
      ? [
          {
            key: "Strict-Transport-Security",
            value: "max-age=63072000; includeSubDomains",
          },
        ]
      : []),
  ];
}

/** The manifest of this build, or undefined when it is missing or stale. */
function readCspManifest(): CspManifest | undefined {
  const buildIdFile = path.join(DIST_DIR, "BUILD_ID");
  if (!existsSync(CSP_MANIFEST) || !existsSync(buildIdFile)) return undefined;
  const manifest = JSON.parse(
    readFileSync(CSP_MANIFEST, "utf8"),
  ) as CspManifest;
  const buildId = readFileSync(buildIdFile, "utf8").trim();
  return manifest.buildId === buildId ? manifest : undefined;
}

/** A header `source` that matches exactly this route, nothing more. */
function exactSource(route: string): string {
  return route.replace(/[\\:()*+?{}[\]]/g, (c) => `\\${c}`);
}

export default function nextConfig(phase: string): NextConfig {
  return {
    reactStrictMode: true,
    poweredByHeader: false,
    // `npm run build:standalone` makes the self-contained server the AWS
    // deployment runs (docs/deploy-aws.md); `npm start` serves `next start`.
    output: process.env.CERTDRILL_STANDALONE === "1" ? "standalone" : undefined,
    serverExternalPackages: ["better-sqlite3", "memjs"],

    async headers() {
      // React and Turbopack's hot reload need eval and inline scripts; a
      // policy that loose would only pretend to test the real one.
      if (phase === PHASE_DEVELOPMENT_SERVER) {
        return [{ source: "/:path*", headers: usualHeaders(false) }];
      }

      // During `next build` no HTML exists yet, so this evaluation yields no
      // hashes: a build whose post-build step did not run blocks every inline
      // script rather than allowing them all.
      const pages =
        phase === PHASE_PRODUCTION_BUILD
          ? {}
          : (readCspManifest()?.pages ?? {});
      const errorPageHashes = new Set(
        Object.entries(pages)
          .filter(([route]) => ERROR_PAGES.has(route))
          .flatMap(([, hashes]) => hashes),
      );

      // Later entries override earlier ones for the same header key.
      return [
        {
          source: "/:path*",
          headers: [
            ...usualHeaders(true),
            contentSecurityPolicy(errorPageHashes),
          ],
        },
        ...Object.entries(pages)
          .filter(([route]) => !ERROR_PAGES.has(route))
          .map(([route, hashes]) => ({
            source: exactSource(route),
            headers: [
              contentSecurityPolicy(new Set([...hashes, ...errorPageHashes])),
            ],
          })),
      ];
    },
  };
}
