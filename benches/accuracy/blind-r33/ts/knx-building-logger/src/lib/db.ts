import pg from "pg";

export const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: 6,
});

export async function groupAddressMeta(ga: string) {
  const { rows } = await pool.query(
    "select ga, room, kind, alarm_above from group_addresses where ga = $1",
    [ga],
  );
  return rows[0] as { ga: string; room: string; kind: string; alarm_above: number | null } | undefined;
}
