import { catalog } from '../db';

/**
 * {{ product.price | money_in: customer.currency }}
 * Async filter: LiquidJS awaits the returned promise during renderFile().
 */
export async function moneyIn(amount: number, currency = 'EUR'): Promise<string> {
  if (currency === 'EUR') return formatMoney(amount, 'EUR');

  const client = await catalog.connect();
  const { rows } = await client.query<{ rate: string }>(
    'SELECT rate FROM fx_rates WHERE base = $1 AND quote = $2 ORDER BY valid_from DESC LIMIT 1',
    ['EUR', currency],
  );
  if (rows.length === 0) return formatMoney(amount, 'EUR');
  return formatMoney(amount * Number(rows[0].rate), currency);
}

function formatMoney(amount: number, currency: string): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(amount);
}
