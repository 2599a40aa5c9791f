import pg from 'pg';

/**
 * Builds the pool once at start-up. The studio NAS boots slower than the Pi,
 * so try a few times; a pool that failed its check is ended before retrying.
 */
export async function openPool(attempts = 10): Promise<pg.Pool> {
  for (let i = 1; i <= attempts; i += 1) {
    const pool = new pg.Pool({
      connectionString: process.env.STUDIO_DATABASE_URL,
      max: 3,
    });
    try {
      await pool.query('SELECT 1');
      return pool;
    } catch (err) {
      await pool.end().catch(() => {});
      console.warn(`postgres not ready (attempt ${i}/${attempts}): ${(err as Error).message}`);
      await new Promise((r) => setTimeout(r, 3000));
    }
  }
  throw new Error('postgres unavailable, giving up');
}
