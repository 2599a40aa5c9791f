import pg from 'pg';

export const pool = new pg.Pool({
  connectionString: process.env.INDEXER_DATABASE_URL,
  max: 6,
});

export async function saveCursor(height: number): Promise<void> {
  await pool.query(
    `INSERT INTO indexer_cursor (id, height) VALUES (1, $1)
     ON CONFLICT (id) DO UPDATE SET height = GREATEST(indexer_cursor.height, EXCLUDED.height)`,
    [height],
  );
}
