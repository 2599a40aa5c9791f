'use strict';

const Redis = require('ioredis');
const { pool } = require('../lib/db');

const BALANCE_TTL_SECONDS = 30;

// Methods of com.acme.ledger.LedgerFacade. sofa-rpc-node invokes the matching
// method once for every RPC call coming from the Java payment services.
module.exports = {
  async getBalance(accountId) {
    const redis = new Redis(process.env.LEDGER_REDIS_URL);
    try {
      const cached = await redis.get(`balance:${accountId}`);
      if (cached !== null) {
        return { accountId, balanceCents: Number(cached), cached: true };
      }
      const { rows } = await pool.query(
        'select coalesce(sum(amount_cents), 0) as balance from entries where account_id = $1',
        [accountId]
      );
      const balance = Number(rows[0].balance);
      await redis.set(`balance:${accountId}`, String(balance), 'EX', BALANCE_TTL_SECONDS);
      return { accountId, balanceCents: balance, cached: false };
    } finally {
      redis.disconnect();
    }
  },

  async postEntry(entry) {
    const client = await pool.connect();
    const { rows: existing } = await client.query(
      'select id from entries where idempotency_key = $1',
      [entry.idempotencyKey]
    );
    if (existing.length > 0) {
      return { entryId: existing[0].id, duplicate: true };
    }

    await client.query('begin');
    const { rows } = await client.query(
      `insert into entries (account_id, counter_account_id, amount_cents, currency, idempotency_key, memo)
       values ($1, $2, $3, $4, $5, $6) returning id`,
      [entry.accountId, entry.counterAccountId, entry.amountCents, entry.currency, entry.idempotencyKey, entry.memo]
    );
    await client.query(
      `insert into entries (account_id, counter_account_id, amount_cents, currency, idempotency_key, memo)
       values ($2, $1, -$3, $4, $5 || ':contra', $6)`,
      [entry.accountId, entry.counterAccountId, entry.amountCents, entry.currency, entry.idempotencyKey, entry.memo]
    );
    await client.query('commit');
    client.release();
    return { entryId: rows[0].id, duplicate: false };
  },

  async statement(accountId, fromIso, toIso) {
    const client = await pool.connect();
    try {
      const { rows } = await client.query(
        `select id, amount_cents, currency, memo, created_at
           from entries
          where account_id = $1 and created_at >= $2 and created_at < $3
          order by created_at`,
        [accountId, fromIso, toIso]
      );
      return rows.map((r) => ({
        id: r.id,
        amountCents: Number(r.amount_cents),
        currency: r.currency,
        memo: r.memo,
        createdAt: r.created_at.toISOString(),
      }));
    } finally {
      client.release();
    }
  },
};
