import type pg from 'pg';
import type Redis from 'ioredis';

interface Deps {
  pool: pg.Pool;
  redis: Redis;
}

export async function handleCommand(line: string, { pool, redis }: Deps): Promise<string> {
  const [verb, ...args] = line.trim().split(/\s+/);

  switch (verb?.toUpperCase()) {
    case 'PING':
      return 'PONG';

    case 'BAL': {
      const account = args[0];
      const cached = await redis.get(`bal:${account}`);
      if (cached !== null) return `OK ${cached}`;
      const { rows } = await pool.query<{ balance: string }>(
        'SELECT balance FROM balances WHERE account = $1',
        [account],
      );
      const balance = rows[0]?.balance ?? '0';
      await redis.set(`bal:${account}`, balance, 'EX', 10);
      return `OK ${balance}`;
    }

    case 'XFER': {
      const [from, to, amount, ref] = args;
      const client = await pool.connect();
      try {
        await client.query('BEGIN ISOLATION LEVEL SERIALIZABLE');
        const dup = await client.query('SELECT 1 FROM transfers WHERE ref = $1', [ref]);
        if (dup.rowCount) {
          await client.query('ROLLBACK');
          return 'OK DUPLICATE';
        }
        await client.query('UPDATE balances SET balance = balance - $2 WHERE account = $1', [from, amount]);
        await client.query('UPDATE balances SET balance = balance + $2 WHERE account = $1', [to, amount]);
        await client.query('INSERT INTO transfers (ref, from_account, to_account, amount) VALUES ($1, $2, $3, $4)', [
          ref,
          from,
          to,
          amount,
        ]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
      await redis.del(`bal:${from}`, `bal:${to}`);
      return 'OK';
    }

    default:
      return `ERR unknown command ${verb ?? ''}`;
  }
}
