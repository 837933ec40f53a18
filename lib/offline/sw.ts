/// <reference lib="webworker" />
import { CacheFirst, ExpirationPlugin, Serwist } from "serwist";

// The service worker of a puskesmas user's browser (issue 16), built with Serwist and bundled by the
// route app/sw.js/route.ts. Scope /laporan: the monthly entry pages. It keeps the entry shell
// (/laporan/luring, a page holding no data) and the static files it needs; a /laporan page that cannot be
// reached (no signal) is answered with that shell, which renders the form from the phone's IndexedDB.
// Data (the package, the outbox) is never in its caches: lib/offline/store.ts keeps it, keyed by user.

declare const self: ServiceWorkerGlobalScope;
declare const __REVISI__: string;

const SHELL = "/laporan/luring";
const STATIC = "pantau-static";
const HALAMAN = /^\/laporan(\/(antrean|\d{2}\.\d{2}\.\d{2}\.\d{4}))?\/?$/;

/** Set at logout ("keluar" message): from then on nothing is cached any more by this worker. */
let keluar = false;

const serwist: Serwist = new Serwist({
  precacheEntries: [{ url: SHELL, revision: __REVISI__ }],
  skipWaiting: true,
  clientsClaim: true,
  disableDevLogs: true,
  runtimeCaching: [
    {
      // Hashed build files never change under their name.
      matcher: ({ url, sameOrigin }) => !keluar && sameOrigin && url.pathname.startsWith("/_next/static/"),
      handler: new CacheFirst({ cacheName: STATIC, plugins: [new ExpirationPlugin({ maxEntries: 120, maxAgeSeconds: 30 * 86_400 })] }),
    },
    {
      matcher: ({ request, url, sameOrigin }) => !keluar && sameOrigin && request.mode === "navigate" && HALAMAN.test(url.pathname),
      handler: async ({ request }) => {
        try {
          return await fetch(request);
        } catch {
          return (await serwist.matchPrecache(SHELL)) ?? Response.error();
        }
      },
    },
  ],
});

/** The shell's own script and style files, read off its HTML, so that it renders without signal. */
async function simpanBerkasShell(): Promise<void> {
  const res = await fetch(SHELL, { credentials: "same-origin" });
  if (!res.ok || res.redirected) return;
  const html = await res.text();
  const urls = [...new Set(html.match(/\/_next\/static\/[^"'\s)\\]+/g) ?? [])];
  const cache = await caches.open(STATIC);
  await Promise.all(urls.map((u) => cache.add(u).catch(() => undefined)));
}

self.addEventListener("install", (event) => event.waitUntil(simpanBerkasShell()));

// Logout (lib/offline/store.ts hapusDataPengguna): stop caching, empty every cache, then answer.
self.addEventListener("message", (event) => {
  if (event.data !== "keluar") return;
  keluar = true;
  event.waitUntil(
    (async () => {
      for (const k of await caches.keys()) await caches.delete(k);
      event.ports[0]?.postMessage("selesai");
    })(),
  );
});
serwist.addEventListeners();
