import type { Db } from '../db'

export type Price = { sku: string; currency: string; amountCents: number }

/**
 * Resolves the effective price for a SKU, applying the active promotion if any.
 * Called from route handlers with the application's shared knex instance.
 */
export async function effectivePrice(db: Db, sku: string, currency: string): Promise<Price | null> {
  const base = await db('prices').where({ sku, currency }).first('amount_cents')
  if (!base) return null
  const promo = await db('promotions')
    .where({ sku })
    .andWhere('starts_at', '<=', db.fn.now())
    .andWhere('ends_at', '>', db.fn.now())
    .first('percent_off')
  const amount = promo ? Math.round(base.amount_cents * (1 - promo.percent_off / 100)) : base.amount_cents
  return { sku, currency, amountCents: amount }
}
