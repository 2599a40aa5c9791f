import { Pool } from 'pg';

export async function GET(request: Request) {
  const url = new URL(request.url);
  const courierId = url.searchParams.get('courier');
  if (!courierId) {
    return Response.json({ error: 'courier is required' }, { status: 400 });
  }

  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 3 });
  try {
    const { rows } = await pool.query(
      `SELECT id, address, window_start, window_end, status
         FROM deliveries
        WHERE courier_id = $1 AND route_date = CURRENT_DATE
        ORDER BY sequence`,
      [courierId],
    );
    return Response.json({ orders: rows });
  } finally {
    await pool.end();
  }
}
