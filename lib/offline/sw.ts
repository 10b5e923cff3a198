/// <reference lib="webworker" />
// The service worker: bundled by esbuild at build time (app/serwist/[path]/route.ts), served as
// /serwist/sw.js, registered by components/site/offline.tsx in production builds only.
import { version as pyodideVersion } from 'pyodide/package.json'
import { CacheableResponsePlugin, CacheFirst, copyResponse, Serwist, type PrecacheEntry, type RouteHandlerCallback, type SerwistPlugin } from 'serwist'

declare const self: ServiceWorkerGlobalScope & { __SW_MANIFEST: (PrecacheEntry | string)[] | undefined }

/**
 * A Web Worker's script is answered with a copy, which has no URL of its own: the worker then keeps
 * the URL it was started with. Turbopack's worker entry reads which chunks to load from that URL's
 * `#params=` fragment, and a cached response would give the worker the cached URL, without it.
 */
const keepWorkerURL: SerwistPlugin = {
  handlerWillRespond: async ({ request, response }) => (request.destination === 'worker' ? copyResponse(response) : response),
}

/*
 * How a new deploy takes over (README, "Offline"). The precache holds one build whole: every
 * /_next/static file under its hashed name, and the pages and search index under the build's id.
 * Pages are served from it first, so a page and the chunks it loads later always come from the same
 * build, online or off. A new build's worker installs beside the old one and waits (no skipWaiting):
 * it takes over once no tab of the old build is open, and its activation deletes the old build's
 * entries, which no open page can still ask for. clientsClaim is then safe: the only pages it claims
 * were loaded from the network without a worker, which is the build it holds (or the first visit).
 */
const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  precacheOptions: { cleanupOutdatedCaches: true, plugins: [keepWorkerURL] },
  skipWaiting: false,
  clientsClaim: true,
})

/** The precached page for a URL, whatever its query (`?demo=…&run=1` presets are read by the page). */
const precachedPage = (url: URL) => serwist.matchPrecache(new URL(url.pathname, url.origin).href)

/** A navigation with a query string: the precached page for its path, else the network. */
const navigate: RouteHandlerCallback = async ({ request, url }) => (await precachedPage(url)) ?? fetch(request)

/**
 * The router's own requests for a page's server payload (`RSC: 1`, `?_rsc=`) go to the network. When
 * that fails, the precached HTML answers instead: not a payload, so Next falls back to loading the
 * page as a document, which the precache serves.
 */
const routerPayload: RouteHandlerCallback = async ({ request, url }) => {
  try {
    return await fetch(request)
  } catch (error) {
    const page = await precachedPage(url)
    if (page) return page
    throw error
  }
}

// Pyodide (~10 MB) is too big to precache on a first visit: it is kept once a Python demo has loaded
// it. Its paths carry its version and never change content (scripts/copy-pyodide.mjs).
const pyodidePath = `/pyodide/${pyodideVersion}/`
const pyodideCache = `pyodide-${pyodideVersion}`

serwist.registerCapture(({ request, url, sameOrigin }) => sameOrigin && request.mode === 'navigate' && url.search !== '', navigate)
serwist.registerCapture(({ request, sameOrigin }) => sameOrigin && request.headers.get('RSC') === '1', routerPayload)
serwist.registerCapture(
  ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith(pyodidePath),
  new CacheFirst({ cacheName: pyodideCache, plugins: [new CacheableResponsePlugin({ statuses: [200] })] }),
)

self.addEventListener('activate', (event) => {
  // Another Pyodide's files are never asked for again.
  event.waitUntil(
    caches.keys().then((names) => Promise.all(names.filter((name) => name.startsWith('pyodide-') && name !== pyodideCache).map((name) => caches.delete(name)))),
  )
})

if (self.__SW_MANIFEST) serwist.addEventListeners()
else {
  // `next dev` serves this worker without a precache. It replaces a production build's worker left
  // on the same origin (which would go on serving that build's pages), deletes its caches, then
  // removes itself.
  self.addEventListener('install', () => void self.skipWaiting())
  self.addEventListener('activate', (event) =>
    event.waitUntil(
      caches
        .keys()
        .then((names) => Promise.all(names.map((name) => caches.delete(name))))
        .then(() => self.registration.unregister()),
    ),
  )
}
