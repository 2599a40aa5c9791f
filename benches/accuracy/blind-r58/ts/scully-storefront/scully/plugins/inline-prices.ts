import { HandledRoute, logWarn, registerPlugin } from '@scullyio/scully';
import { MongoClient } from 'mongodb';

interface PriceDoc {
  sku: string;
  currency: string;
  amountMinor: number;
  compareAtMinor?: number;
}

const PRICE_SLOT = /<span data-price-sku="([^"]+)"><\/span>/g;

function format(price: PriceDoc): string {
  const fmt = new Intl.NumberFormat('en-GB', { style: 'currency', currency: price.currency });
  const now = fmt.format(price.amountMinor / 100);
  if (price.compareAtMinor && price.compareAtMinor > price.amountMinor) {
    return `<s>${fmt.format(price.compareAtMinor / 100)}</s> <strong>${now}</strong>`;
  }
  return `<strong>${now}</strong>`;
}

/**
 * postProcessByHtml plugin: runs for every rendered page and replaces the
 * empty price slots the Angular components leave in the markup.
 */
async function inlinePricesPlugin(html: string, route: HandledRoute): Promise<string> {
  const skus = [...html.matchAll(PRICE_SLOT)].map((m) => m[1]);
  if (skus.length === 0) {
    return html;
  }

  const mongo = new MongoClient(process.env.CATALOG_MONGODB_URI ?? 'mongodb://localhost:27017');
  const prices = await mongo
    .db('catalog')
    .collection<PriceDoc>('prices')
    .find({ sku: { $in: skus } })
    .toArray();

  const bySku = new Map(prices.map((p) => [p.sku, p]));
  return html.replace(PRICE_SLOT, (slot, sku: string) => {
    const price = bySku.get(sku);
    if (!price) {
      logWarn(`inlinePrices: no price for ${sku} on ${route.route}`);
      return slot;
    }
    return `<span data-price-sku="${sku}">${format(price)}</span>`;
  });
}

registerPlugin('postProcessByHtml', 'inlinePrices', inlinePricesPlugin);
