import { Pool } from 'pg';

// The legacy ERP (inventory + order book) has its own Postgres cluster,
// separate from the CAP database configured under cds.requires.db.
const erp = new Pool({
  connectionString: process.env.ERP_DATABASE_URL,
  max: 8,
  idleTimeoutMillis: 30_000,
  application_name: 'cap-bookshop',
});

export async function erpStockFor(bookIds: number[]): Promise<Map<number, number>> {
  const { rows } = await erp.query<{ book_id: number; on_hand: number }>(
    'SELECT book_id, on_hand FROM inventory WHERE book_id = ANY($1::int[])',
    [bookIds],
  );
  return new Map(rows.map((r) => [r.book_id, r.on_hand]));
}

export async function reserveInErp(bookId: number, qty: number, user: string): Promise<string> {
  const client = await erp.connect();
  try {
    await client.query('BEGIN');
    await client.query('UPDATE inventory SET on_hand = on_hand - $2 WHERE book_id = $1', [bookId, qty]);
    const { rows } = await client.query<{ order_no: string }>(
      `INSERT INTO sales_orders (book_id, qty, channel, created_by)
       VALUES ($1, $2, 'WEBSHOP', $3) RETURNING order_no`,
      [bookId, qty, user],
    );
    await client.query('COMMIT');
    return rows[0].order_no;
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}
