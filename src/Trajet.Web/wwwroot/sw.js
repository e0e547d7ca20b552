// Trajet's service worker (docs/architecture.md, "Offline"): keeps the field forms and the static files so that they
// open without network, and holds the private key in memory only, for pages opened offline. It caches no page that
// names a person: the forms it keeps show case numbers and session places, and the names stay in the sealed store.
'use strict';

const CACHE = 'trajet-field-1';
const SHELL = ['/Offline', '/css/site.css', '/js/offline.js', '/manifest.webmanifest', '/icons/icon-192.png'];
let key = null;
let keyId = null;

const isField = path => path === '/Offline' || path === '/Outreach/LogContact' || /^\/CaseWork\/LogInteraction\/[0-9a-f-]{36}$/i.test(path);
const isStatic = path => /^\/(css|js|icons)\//.test(path) || path === '/manifest.webmanifest';

self.addEventListener('install', event => event.waitUntil(self.skipWaiting()));

self.addEventListener('activate', event => event.waitUntil((async () => {
  for (const name of await caches.keys()) {
    if (name !== CACHE) await caches.delete(name);
  }
  await self.clients.claim();
})()));

self.addEventListener('fetch', event => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (isStatic(url.pathname)) event.respondWith(staticFile(request));
  else if (request.mode === 'navigate') event.respondWith(page(request, url));
});

async function staticFile(request) {
  const cache = await caches.open(CACHE);
  const exact = await cache.match(request);
  if (exact) return exact;
  try {
    const response = await fetch(request);
    if (response.ok && key) await cache.put(request, response.clone()); // nothing is kept for a signed-out phone
    return response;
  } catch {
    return (await cache.match(request, { ignoreSearch: true })) ?? Response.error();
  }
}

/** Network first; a field form is kept each time it is opened, and shown from the cache when the network fails. */
async function page(request, url) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (key && isField(url.pathname) && response.ok && !response.redirected) await cache.put(request, response.clone());
    return response;
  } catch {
    return (await cache.match(request))
      ?? (url.pathname === '/Outreach/LogContact' ? await cache.match('/Outreach/LogContact') : undefined)
      ?? (await cache.match('/Offline'))
      ?? Response.error();
  }
}

/** Keeps exactly the forms of the next days' work (the page sends the list); drops the others. */
async function keep(urls) {
  const cache = await caches.open(CACHE);
  const wanted = new Set([...SHELL, ...urls].map(u => new URL(u, self.location.origin).href));
  for (const request of await cache.keys()) {
    if (isField(new URL(request.url).pathname) && !wanted.has(request.url)) await cache.delete(request);
  }
  for (const href of wanted) {
    const path = new URL(href).pathname;
    // Today's sessions and the device page change daily; a case's form does not.
    if (path !== '/Outreach/LogContact' && path !== '/Offline' && await cache.match(href)) continue;
    try {
      const response = await fetch(href, { credentials: 'same-origin' });
      // A wipe may have come while this was on its way: it keeps nothing after it.
      if (response.ok && !response.redirected && key) await cache.put(href, response);
    } catch {
      // offline again: the next list tries again
    }
  }
}

self.addEventListener('message', event => {
  const message = event.data ?? {};
  if (message.type === 'key') {
    key = message.key;
    keyId = message.keyId;
  } else if (message.type === 'get-key') {
    event.ports[0]?.postMessage({ key, keyId });
  } else if (message.type === 'forget') {
    key = keyId = null;
  } else if (message.type === 'wipe') {
    key = keyId = null;
    event.waitUntil(caches.keys().then(names => Promise.all(names.map(name => caches.delete(name)))));
  } else if (message.type === 'cache') {
    // Every open page hears it: the page that asked may already have been left for the next one.
    event.waitUntil(keep(message.urls ?? []).then(async () => {
      for (const client of await self.clients.matchAll({ type: 'window', includeUncontrolled: true })) client.postMessage({ type: 'kept' });
    }));
  }
});
