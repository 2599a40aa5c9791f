import PgBoss from 'pg-boss';
import pg from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pino from 'pino';
import type { DB } from './schema.js';
import { pool, postLedgerEntries, withTransaction } from './ledger.js';

const log = pino({ name: 'billing-worker' });

interface GenerateInvoiceJob {
  accountId: number;
  period: string;
}

// pg-boss shares the ledger pool instead of opening its own.
const boss = new PgBoss({ db: { executeSql: (text, values) => pool.query(text, values) }, schema: 'pgboss' });
boss.on('error', (err) => log.error({ err }, 'pg-boss error'));

await boss.start();
await boss.createQueue('invoice.generate');
await boss.createQueue('ledger.reconcile');

await boss.work<GenerateInvoiceJob>('invoice.generate', { batchSize: 1 }, async ([job]) => {
  const { accountId, period } = job.data;
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 }) }) });
  try {
    const lines = await db
      .selectFrom('usage')
      .select(['metric', sql<number>`sum(quantity * unit_price_cents)`.as('cents')])
      .where('account_id', '=', accountId)
      .where('period', '=', period)
      .groupBy('metric')
      .execute();
    const total = lines.reduce((s, l) => s + Number(l.cents), 0);
    const invoice = await db
      .insertInto('invoices')
      .values({ account_id: accountId, period, total_cents: total, status: 'issued', issued_at: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await postLedgerEntries([{ accountId, invoiceId: invoice.id, amountCents: total, kind: 'debit' }]);
    log.info({ accountId, period, total }, 'invoice issued');
  } finally {
    await db.destroy();
  }
});

await boss.schedule('ledger.reconcile', '15 * * * *');
await boss.work('ledger.reconcile', async () => {
  const drift = await withTransaction(async (c) => {
    const { rows } = await c.query<{ id: number; diff: string }>(
      `SELECT a.id, a.balance_cents + coalesce(sum(CASE WHEN l.kind = 'debit' THEN l.amount_cents ELSE -l.amount_cents END), 0) AS diff
         FROM accounts a LEFT JOIN ledger l ON l.account_id = a.id
        GROUP BY a.id HAVING a.balance_cents + coalesce(sum(CASE WHEN l.kind = 'debit' THEN l.amount_cents ELSE -l.amount_cents END), 0) <> 0`,
    );
    return rows;
  });
  if (drift.length) log.warn({ accounts: drift.map((d) => d.id) }, 'ledger drift detected');
});

const shutdown = async () => {
  await boss.stop({ graceful: true, timeout: 20_000 });
  await pool.end();
  process.exit(0);
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
