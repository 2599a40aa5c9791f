import pg from "pg";

export async function storeReading(ga: string, room: string, kind: string, value: number): Promise<void> {
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  await db.query(
    "insert into readings (ga, room, kind, value, observed_at) values ($1, $2, $3, $4, now())",
    [ga, room, kind, value],
  );
  await db.end();
}
