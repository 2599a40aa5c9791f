import { createPool } from '../src/db.js';

const BATCH = 5_000;

async function main() {
  const pool = createPool();
  try {
    let lastAccount = '';
    let total = 0;
    for (;;) {
      const { rows } = await pool.query<{ account: string }>(
        'SELECT account FROM accounts WHERE account > $1 ORDER BY account LIMIT $2',
        [lastAccount, BATCH],
      );
      if (rows.length === 0) break;
      await pool.query(
        `INSERT INTO balances (account, balance)
         SELECT a.account, COALESCE(SUM(CASE WHEN t.to_account = a.account THEN t.amount ELSE -t.amount END), 0)
           FROM unnest($1::text[]) AS a(account)
           LEFT JOIN transfers t ON t.to_account = a.account OR t.from_account = a.account
          GROUP BY a.account
         ON CONFLICT (account) DO UPDATE SET balance = EXCLUDED.balance`,
        [rows.map((r) => r.account)],
      );
      lastAccount = rows[rows.length - 1].account;
      total += rows.length;
      console.log(`backfilled ${total} accounts`);
    }
  } finally {
    await pool.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
