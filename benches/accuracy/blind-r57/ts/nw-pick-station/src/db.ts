import { Pool, PoolConfig } from 'pg';

export interface PickLine {
  lineId: number;
  sku: string;
  description: string;
  location: string;
  qtyOrdered: number;
  qtyPicked: number;
}

export interface Tote {
  toteCode: string;
  orderId: string;
  customer: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Called once while the window boots. The warehouse Wi-Fi is flaky right after
// the scanners wake up, so keep trying for a while before giving up.
export async function connectWithRetry(config: PoolConfig, attempts = 10): Promise<Pool> {
  let lastError: unknown;
  for (let i = 1; i <= attempts; i++) {
    const pool = new Pool({ ...config, max: 4, idleTimeoutMillis: 120_000 });
    try {
      await pool.query('SELECT 1');
      return pool;
    } catch (err) {
      lastError = err;
      await pool.end().catch(() => undefined);
      await sleep(Math.min(1000 * i, 8000));
    }
  }
  throw lastError;
}

export function makeRepo(pool: Pool) {
  return {
    async toteByCode(code: string): Promise<Tote | null> {
      const { rows } = await pool.query<Tote>(
        `SELECT t.code AS "toteCode", o.id AS "orderId", o.customer_name AS customer
           FROM totes t JOIN orders o ON o.id = t.order_id
          WHERE t.code = $1`,
        [code],
      );
      return rows[0] ?? null;
    },

    async linesFor(orderId: string): Promise<PickLine[]> {
      const { rows } = await pool.query<PickLine>(
        `SELECT l.id AS "lineId", l.sku, p.description, p.location,
                l.qty_ordered AS "qtyOrdered", l.qty_picked AS "qtyPicked"
           FROM order_lines l JOIN products p ON p.sku = l.sku
          WHERE l.order_id = $1
          ORDER BY p.location`,
        [orderId],
      );
      return rows;
    },

    async confirmPick(orderId: string, station: string, picked: Map<number, number>): Promise<void> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        for (const [lineId, qty] of picked) {
          await client.query('UPDATE order_lines SET qty_picked = $2 WHERE id = $1', [lineId, qty]);
        }
        await client.query(
          `UPDATE orders SET status = 'picked', picked_at = now(), picked_by = $2 WHERE id = $1`,
          [orderId, station],
        );
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      } finally {
        client.release();
      }
    },
  };
}

export type Repo = ReturnType<typeof makeRepo>;
