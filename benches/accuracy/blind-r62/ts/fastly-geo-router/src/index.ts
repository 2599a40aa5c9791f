/// <reference types="@fastly/js-compute" />
import { KVStore } from 'fastly:kv-store';
import { ConfigStore } from 'fastly:config-store';
import { CacheOverride } from 'fastly:cache-override';
import { getGeolocationForIpAddress } from 'fastly:geolocation';

// Compute runs one sandbox per request. Store handles are cheap lookups
// bound to the service's resource links, not network connections, and
// Fastly's docs open them inside the handler.
addEventListener('fetch', (event) => event.respondWith(handleRequest(event)));

async function handleRequest(event: FetchEvent): Promise<Response> {
  const req = event.request;
  const url = new URL(req.url);

  const redirects = new KVStore('redirects');
  const hit = await redirects.get(url.pathname);
  if (hit) {
    const target = await hit.text();
    return new Response(null, { status: 301, headers: { location: target } });
  }

  const routing = new ConfigStore('routing');
  const euCountries = (routing.get('eu_countries') ?? '').split(',');
  const geo = getGeolocationForIpAddress(event.client.address);
  const backend = geo && euCountries.includes(geo.country_code ?? '') ? 'origin_eu' : 'origin_us';

  const isStatic = url.pathname.startsWith('/assets/');
  const cacheOverride = new CacheOverride('override', { ttl: isStatic ? 86_400 : 60 });

  const upstream = new Request(req, { headers: new Headers(req.headers) });
  upstream.headers.set('x-geo-country', geo?.country_code ?? 'XX');

  const resp = await fetch(upstream, { backend, cacheOverride });
  const out = new Response(resp.body, resp);
  out.headers.set('x-served-by-region', backend);
  return out;
}
