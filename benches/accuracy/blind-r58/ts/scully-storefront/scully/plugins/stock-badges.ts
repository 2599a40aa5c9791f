import { HandledRoute, registerPlugin } from '@scullyio/scully';
import Redis from 'ioredis';
import { JSDOM } from 'jsdom';

type StockLevel = 'in-stock' | 'low' | 'out';

function level(quantity: number): StockLevel {
  if (quantity <= 0) return 'out';
  if (quantity < 5) return 'low';
  return 'in-stock';
}

const LABELS: Record<StockLevel, string> = {
  'in-stock': 'In stock',
  low: 'Only a few left',
  out: 'Out of stock',
};

/**
 * postProcessByDom plugin: runs for every rendered page. Fills in
 * `<div data-stock-sku="...">` placeholders from the inventory Redis
 * (`stock:<sku>` counters kept up to date by the warehouse system).
 */
async function stockBadgesPlugin(dom: JSDOM, route: HandledRoute): Promise<JSDOM> {
  const doc = dom.window.document;
  const slots = Array.from(doc.querySelectorAll<HTMLElement>('[data-stock-sku]'));
  if (slots.length === 0) {
    return dom;
  }

  const redis = new Redis(process.env.INVENTORY_REDIS_URL ?? 'redis://localhost:6379/2');
  const skus = slots.map((el) => el.dataset.stockSku ?? '');
  const counts = await redis.mget(...skus.map((sku) => `stock:${sku}`));

  slots.forEach((el, i) => {
    const qty = Number.parseInt(counts[i] ?? '0', 10);
    const lvl = level(Number.isNaN(qty) ? 0 : qty);
    el.classList.add(`stock--${lvl}`);
    el.textContent = LABELS[lvl];
  });

  if (route.route.startsWith('/product/')) {
    doc.body.setAttribute('data-stock-checked', new Date().toISOString());
  }
  return dom;
}

registerPlugin('postProcessByDom', 'stockBadges', stockBadgesPlugin);
