import { Pool } from 'pg';

// Pushes CAP-side stock corrections back into the ERP inventory table.
const pool = new Pool({
  connectionString: process.env.ERP_DATABASE_URL,
  max: 4,
});

export async function pushStockLevels(rows: { ID: number; stock: number }[]): Promise<number> {
  if (!rows.length) return 0;
  const ids = rows.map((r) => r.ID);
  const levels = rows.map((r) => r.stock);
  const res = await pool.query(
    `UPDATE inventory AS i
        SET on_hand = s.stock, synced_at = now()
       FROM unnest($1::int[], $2::int[]) AS s(book_id, stock)
      WHERE i.book_id = s.book_id AND i.on_hand IS DISTINCT FROM s.stock`,
    [ids, levels],
  );
  return res.rowCount ?? 0;
}
