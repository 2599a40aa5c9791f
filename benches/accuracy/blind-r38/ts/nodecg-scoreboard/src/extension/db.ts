import { Pool } from 'pg';
import type NodeCG from '@nodecg/types';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Called once when NodeCG loads the bundle's extension.
export async function openPool(url: string, log: NodeCG.Logger): Promise<Pool> {
  for (let attempt = 1; attempt <= 8; attempt++) {
    const pool = new Pool({ connectionString: url, max: 4 });
    try {
      await pool.query('SELECT 1');
      return pool;
    } catch (err) {
      await pool.end().catch(() => undefined);
      log.warn(`scoreboard DB unavailable (attempt ${attempt}): ${(err as Error).message}`);
      await sleep(attempt * 1500);
    }
  }
  throw new Error('scoreboard database unreachable after 8 attempts');
}
