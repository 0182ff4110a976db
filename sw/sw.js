// Klaim's service worker: the app shell offline, and the signed-in person's own reads when the
// network fails. The build (xtask/src/build.rs) fills in the two placeholders below from the
// files it actually wrote, so the list never goes stale; this template is never served as is.
"use strict";

// A hash of the shell's names and bytes: a new build is a new worker, announced by the app.
const VERSION = "__KLAIM_VERSION__";
// Every file of the build the app needs to start: index.html, the hashed js/wasm/css, the boot
// script, the manifest and icons.
const SHELL = __KLAIM_SHELL__;

const SHELL_CACHE = "klaim-shell-" + VERSION;
// One cache for the API reads, kept across versions (offline data survives an update). The app
// deletes it on sign-out and on every sign-in (src/offline/api_cache.rs: same name).
const API_CACHE = "klaim-api";
// Stamped on an answer given from the cache: when it was stored (Unix seconds), so the app knows
// it is offline and how old the data is.
const CACHED_HEADER = "X-Klaim-Cached";
// The Background Sync tag the app registers; the app itself delivers its outbox.
const OUTBOX_TAG = "klaim-outbox";

self.addEventListener("install", (event) => {
  // `reload` skips the HTTP cache, so a half-deployed build cannot be stored under the new name.
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((cache) => cache.addAll(SHELL.map((url) => new Request(url, { cache: "reload" })))),
  );
  // No skipWaiting here: a new version waits until the person chooses to reload (drafts stay).
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith("klaim-shell-") && name !== SHELL_CACHE)
            .map((name) => caches.delete(name)),
        ),
      )
      // The first visit is controlled at once, so it works offline without a second load.
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "skip-waiting") {
    self.skipWaiting();
  }
});

self.addEventListener("sync", (event) => {
  if (event.tag === OUTBOX_TAG) {
    event.waitUntil(
      self.clients
        .matchAll({ type: "window", includeUncontrolled: true })
        .then((windows) => windows.forEach((w) => w.postMessage({ type: OUTBOX_TAG }))),
    );
  }
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  // Sending is never touched: a POST/PUT/DELETE goes to the network or fails, as the app expects.
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/api/")) {
    if (isCachedRead(url)) event.respondWith(networkFirst(event));
    return;
  }
  if (request.mode === "navigate" && isAppRoute(url.pathname)) {
    // The app routes in the browser: every page is index.html, from the shell cache.
    event.respondWith(fromShell("/index.html", request));
    return;
  }
  if (SHELL.includes(url.pathname)) {
    event.respondWith(fromShell(url.pathname, request));
  }
});

// The person's own reads that the app shows offline. Exact paths without a query: never a
// document's bytes, the receipt PDF, the back office, the admin or a deceased person's facts.
function isCachedRead(url) {
  if (url.search !== "") return false;
  const path = url.pathname;
  if (
    path === "/api/v1/me" ||
    path === "/api/v1/claims" ||
    path === "/api/v1/claims/facts" ||
    path === "/api/v1/documents" ||
    path === "/api/v1/notifications"
  ) {
    return true;
  }
  // One claim: `/api/v1/claims/<id>`, nothing below it (receipt.pdf, resubmission).
  const rest = path.startsWith("/api/v1/claims/") ? path.slice("/api/v1/claims/".length) : null;
  return rest !== null && rest !== "" && !rest.includes("/");
}

// Paths of the app's pages: no file extension (a missing `/x.js` must stay a 404, not HTML).
function isAppRoute(path) {
  const last = path.slice(path.lastIndexOf("/") + 1);
  return !last.includes(".");
}

async function fromShell(path, request) {
  const cache = await caches.open(SHELL_CACHE);
  const hit = await cache.match(path);
  return hit || fetch(request);
}

async function networkFirst(event) {
  const request = event.request;
  let response;
  try {
    response = await fetch(request);
  } catch (offline) {
    // Stored answers vary by language; the app shows its own words, so any language will do.
    const hit = await caches.match(request, { cacheName: API_CACHE, ignoreVary: true });
    if (hit) return hit;
    throw offline;
  }
  if (response.status === 200) {
    // Stored while the page already reads the answer.
    event.waitUntil(store(request, response.clone()));
  } else if (response.status === 401) {
    // The session is over: nothing of that person is kept for the next one.
    event.waitUntil(caches.delete(API_CACHE));
  }
  return response;
}

async function store(request, copy) {
  const headers = new Headers(copy.headers);
  headers.set(CACHED_HEADER, String(Math.floor(Date.now() / 1000)));
  const body = await copy.blob();
  const cache = await caches.open(API_CACHE);
  await cache.put(request, new Response(body, { status: 200, headers }));
}
