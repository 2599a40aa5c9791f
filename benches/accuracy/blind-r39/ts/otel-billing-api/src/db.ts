import pg from "pg";

export const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: 10,
  idleTimeoutMillis: 10_000,
});

export async function findCustomer(id: string) {
  const { rows } = await pool.query(
    "SELECT id, name, email, currency FROM customers WHERE id = $1",
    [id],
  );
  return rows[0] ?? null;
}
