import { Pool } from "pg";

export const pg = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: 10,
});

export async function one<T>(sql: string, params: unknown[]): Promise<T | undefined> {
  const { rows } = await pg.query(sql, params);
  return rows[0] as T | undefined;
}
