import { pool, redis } from './clients.js';
import { fxRate } from './rates.js';

export interface QuoteTask {
  sku: string;
  qty: number;
  region: string;
}

export interface QuoteResult {
  sku: string;
  qty: number;
  currency: string;
  unit: number;
  total: number;
}

const REGION_CURRENCY: Record<string, string> = { eu: 'EUR', us: 'USD', apac: 'SGD' };

async function basePrice(sku: string): Promise<{ price: number; tiers: Array<{ min: number; discount: number }> }> {
  const cached = await redis.get(`price:${sku}`);
  if (cached) return JSON.parse(cached);

  const { rows } = await pool.query<{ price: string; tiers: Array<{ min: number; discount: number }> }>(
    'SELECT price, tiers FROM catalog_prices WHERE sku = $1',
    [sku],
  );
  if (!rows[0]) throw new Error(`unknown sku ${sku}`);
  const value = { price: Number(rows[0].price), tiers: rows[0].tiers ?? [] };
  await redis.set(`price:${sku}`, JSON.stringify(value), 'EX', 300);
  return value;
}

export default async function quote(task: QuoteTask): Promise<QuoteResult> {
  const { price, tiers } = await basePrice(task.sku);
  const tier = tiers.filter((t) => task.qty >= t.min).sort((a, b) => b.min - a.min)[0];
  const currency = REGION_CURRENCY[task.region] ?? 'EUR';
  const rate = currency === 'EUR' ? 1 : await fxRate(task.region, currency);

  // deliberately CPU-heavy rounding rules live here in the real service
  const unit = Math.round(price * rate * (1 - (tier?.discount ?? 0)) * 100) / 100;
  return { sku: task.sku, qty: task.qty, currency, unit, total: Math.round(unit * task.qty * 100) / 100 };
}
