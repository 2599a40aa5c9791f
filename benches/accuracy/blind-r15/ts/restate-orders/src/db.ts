import pg from "pg";

export const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: 10,
});

export async function one<T>(text: string, params: unknown[]): Promise<T | undefined> {
  const { rows } = await pool.query(text, params);
  return rows[0] as T | undefined;
}
