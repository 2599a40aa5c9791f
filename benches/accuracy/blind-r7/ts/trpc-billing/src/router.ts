import { initTRPC, TRPCError } from '@trpc/server';
import mysql, { type RowDataPacket, type ResultSetHeader } from 'mysql2/promise';
import { z } from 'zod';
import type { Context } from './context.js';
import { pool } from './db.js';
import { ledgerSummary } from './reports/ledger.js';

const t = initTRPC.context<Context>().create();

const rateLimited = t.middleware(async ({ ctx, next }) => {
  if (!ctx.apiKey) throw new TRPCError({ code: 'UNAUTHORIZED' });
  const hits = await ctx.limiter.incr(ctx.apiKey);
  if (hits === 1) await ctx.limiter.expire(ctx.apiKey, 60);
  if (hits > 120) throw new TRPCError({ code: 'TOO_MANY_REQUESTS' });
  return next({ ctx: { ...ctx, apiKey: ctx.apiKey } });
});

const authed = t.procedure.use(rateLimited);

export const appRouter = t.router({
  invoices: t.router({
    list: authed
      .input(z.object({ accountId: z.string(), limit: z.number().int().max(100).default(25) }))
      .query(async ({ input }) => {
        const [rows] = await pool.execute<RowDataPacket[]>(
          'SELECT id, number, total_cents, status FROM invoices WHERE account_id = :accountId ORDER BY id DESC LIMIT :limit',
          { accountId: input.accountId, limit: input.limit },
        );
        return rows;
      }),

    void: authed
      .input(z.object({ invoiceId: z.number().int(), reason: z.string().max(200) }))
      .mutation(async ({ input, ctx }) => {
        const conn = await pool.getConnection();
        await conn.beginTransaction();
        const [rows] = await conn.execute<RowDataPacket[]>(
          'SELECT status FROM invoices WHERE id = ? FOR UPDATE',
          [input.invoiceId],
        );
        if (rows.length === 0 || rows[0].status === 'paid') {
          await conn.rollback();
          throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'invoice cannot be voided' });
        }
        await conn.execute("UPDATE invoices SET status = 'void' WHERE id = ?", [input.invoiceId]);
        await conn.execute(
          'INSERT INTO invoice_audit (invoice_id, action, reason, api_key) VALUES (?, ?, ?, ?)',
          [input.invoiceId, 'void', input.reason, ctx.apiKey],
        );
        await conn.commit();
        conn.release();
        return { ok: true };
      }),
  }),

  ledger: t.router({
    summary: authed
      .input(z.object({ accountId: z.string(), from: z.string(), to: z.string() }))
      .query(({ input }) => ledgerSummary(input.accountId, input.from, input.to)),
  }),

  refunds: t.router({
    issue: authed
      .input(z.object({ invoiceId: z.number().int(), amountCents: z.number().int().positive() }))
      .mutation(async ({ input }) => {
        // Dedicated connection so the refund and the ledger entry commit together.
        const conn = await mysql.createConnection(process.env.BILLING_DB_URL!);
        try {
          await conn.beginTransaction();
          const [res] = await conn.execute<ResultSetHeader>(
            'UPDATE invoices SET refunded_cents = refunded_cents + ? WHERE id = ? AND total_cents >= refunded_cents + ?',
            [input.amountCents, input.invoiceId, input.amountCents],
          );
          if (res.affectedRows === 0) {
            await conn.rollback();
            throw new TRPCError({ code: 'BAD_REQUEST', message: 'refund exceeds invoice total' });
          }
          await conn.execute(
            "INSERT INTO ledger_entries (account_id, kind, amount_cents, created_at) SELECT account_id, 'refund', ?, NOW() FROM invoices WHERE id = ?",
            [input.amountCents, input.invoiceId],
          );
          await conn.commit();
          return { ok: true };
        } finally {
          await conn.end();
        }
      }),
  }),
});

export type AppRouter = typeof appRouter;
