import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Eta } from 'eta';
import { closeData, itemsFor, markSoldOut, priceOf, shopBySlug, stockLeft } from './data.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const eta = new Eta({ views: path.join(here, '..', 'views'), cache: process.env.NODE_ENV === 'production' });

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const [, section, slug, sku] = url.pathname.split('/');
  try {
    if (req.method === 'GET' && section === 'board' && slug) {
      const shop = await shopBySlug(slug);
      if (!shop) {
        res.writeHead(404).end('unknown shop');
        return;
      }
      // Template helpers are called while the page renders (once per item).
      const html = await eta.renderAsync('menu', {
        shop,
        items: await itemsFor(shop.id),
        stockFor: (itemSku: string) => stockLeft(shop.id, itemSku),
        priceFor: (itemSku: string) => priceOf(shop.id, itemSku, shop.currency),
      });
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
      return;
    }
    if (req.method === 'POST' && section === 'sold-out' && slug && sku) {
      const shop = await shopBySlug(slug);
      if (!shop) {
        res.writeHead(404).end();
        return;
      }
      await markSoldOut(shop.id, sku);
      res.writeHead(204).end();
      return;
    }
    res.writeHead(404).end();
  } catch (err) {
    console.error(err);
    res.writeHead(500).end('render failed');
  }
});

server.listen(Number(process.env.PORT ?? 3000));

process.on('SIGTERM', () => {
  server.close(() => {
    closeData().finally(() => process.exit(0));
  });
});
