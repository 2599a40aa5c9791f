import { Pool, QueryResultRow } from "pg";

const connectionString = process.env.DATABASE_URL;
if (!connectionString) {
  throw new Error("DATABASE_URL is not set");
}

// One pool for the whole process; queue handlers borrow from it.
export const pool = new Pool({
  connectionString,
  max: 10,
  idleTimeoutMillis: 30_000,
  application_name: "digest-queues",
});

pool.on("error", (err) => {
  console.error("[db] idle client error", err);
});

export async function query<T extends QueryResultRow>(
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const result = await pool.query<T>(text, params);
  return result.rows;
}

export interface DigestSubscriber {
  id: string;
  email: string;
  locale: string;
  last_digest_at: Date | null;
}

export async function dueSubscribers(limit: number): Promise<DigestSubscriber[]> {
  return query<DigestSubscriber>(
    `SELECT id, email, locale, last_digest_at
       FROM subscribers
      WHERE digest_enabled
        AND (last_digest_at IS NULL OR last_digest_at < now() - interval '7 days')
      ORDER BY last_digest_at NULLS FIRST
      LIMIT $1`,
    [limit],
  );
}

export async function closePool(): Promise<void> {
  await pool.end();
}
