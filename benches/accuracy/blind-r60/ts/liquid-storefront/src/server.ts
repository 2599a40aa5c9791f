import http from 'node:http';
import path from 'node:path';
import { Liquid } from 'liquidjs';
import { catalog } from './db';
import { ProductReviewsTag } from './tags/reviews';
import { moneyIn } from './filters/fx';

const engine = new Liquid({
  root: path.join(__dirname, '..', 'views'),
  extname: '.liquid',
  cache: process.env.NODE_ENV === 'production',
});
engine.registerTag('product_reviews', ProductReviewsTag);
engine.registerFilter('money_in', moneyIn);

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const match = /^\/products\/([\w-]+)$/.exec(url.pathname);
  if (req.method !== 'GET' || !match) {
    res.writeHead(404).end('not found');
    return;
  }

  try {
    const { rows } = await catalog.query(
      'SELECT sku, title, description, price, image_url FROM products WHERE slug = $1 AND published',
      [match[1]],
    );
    if (rows.length === 0) {
      res.writeHead(404).end('not found');
      return;
    }
    const currency = url.searchParams.get('currency') ?? 'EUR';
    const html = await engine.renderFile('product', { product: rows[0], customer: { currency } });
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  } catch (err) {
    console.error(err);
    res.writeHead(500).end('render failed');
  }
});

server.listen(Number(process.env.PORT ?? 3000), () => console.log('storefront listening'));

process.on('SIGTERM', () => {
  server.close(() => void catalog.end());
});
