import { os, ORPCError } from '@orpc/server';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from './db.js';
import { movements, stock, warehouses } from './schema.js';

interface Ctx {
  db: Db;
  requestId: string;
}

const base = os.$context<Ctx>();

const levels = base.input(z.object({ sku: z.string().min(1) })).handler(async ({ input, context }) => {
  return context.db
    .select({ warehouse: warehouses.code, onHand: stock.onHand })
    .from(stock)
    .innerJoin(warehouses, eq(warehouses.id, stock.warehouseId))
    .where(eq(stock.sku, input.sku));
});

const adjust = base
  .input(z.object({ sku: z.string(), warehouse: z.string(), delta: z.number().int(), reason: z.string().max(64) }))
  .handler(async ({ input, context }) => {
    return context.db.transaction(async (tx) => {
      const [row] = await tx
        .select({ id: stock.id, onHand: stock.onHand })
        .from(stock)
        .innerJoin(warehouses, eq(warehouses.id, stock.warehouseId))
        .where(and(eq(stock.sku, input.sku), eq(warehouses.code, input.warehouse)))
        .for('update');
      if (!row) throw new ORPCError('NOT_FOUND', { message: `no stock row for ${input.sku}@${input.warehouse}` });
      if (row.onHand + input.delta < 0) throw new ORPCError('CONFLICT', { message: 'stock would go negative' });
      await tx.update(stock).set({ onHand: sql`${stock.onHand} + ${input.delta}` }).where(eq(stock.id, row.id));
      await tx.insert(movements).values({ stockId: row.id, delta: input.delta, reason: input.reason });
      return { sku: input.sku, warehouse: input.warehouse, onHand: row.onHand + input.delta };
    });
  });

export const router = {
  stock: { levels, adjust },
};

export type AppRouter = typeof router;
