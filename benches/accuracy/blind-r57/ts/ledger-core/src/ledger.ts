import pg from 'pg';

export type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;

export function createPool(connectionString: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, idleTimeoutMillis: 30_000 });
  pool.on('error', (err) => console.error('idle ledger connection failed', err));
  return pool;
}

export class InsufficientFunds extends Error {
  constructor(readonly account: string, readonly balance: bigint, readonly wanted: bigint) {
    super(`account ${account} has ${balance}, needs ${wanted}`);
  }
}

export async function balanceOf(db: Queryable, account: string): Promise<bigint> {
  const { rows } = await db.query<{ balance: string }>(
    'SELECT COALESCE(sum(amount), 0)::text AS balance FROM entries WHERE account = $1',
    [account],
  );
  return BigInt(rows[0].balance);
}

// Runs the whole transfer on one pooled connection and always gives it back.
export async function transfer(
  pool: pg.Pool,
  from: string,
  to: string,
  amount: bigint,
  memo: string,
): Promise<string> {
  if (amount <= 0n) throw new RangeError('amount must be positive');
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [from]);
    const balance = await balanceOf(client, from);
    if (balance < amount) throw new InsufficientFunds(from, balance, amount);
    const { rows } = await client.query<{ id: string }>(
      'INSERT INTO transfers (memo) VALUES ($1) RETURNING id::text',
      [memo],
    );
    const id = rows[0].id;
    await client.query(
      'INSERT INTO entries (transfer_id, account, amount) VALUES ($1, $2, $3), ($1, $4, $5)',
      [id, from, (-amount).toString(), to, amount.toString()],
    );
    await client.query('COMMIT');
    return id;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
