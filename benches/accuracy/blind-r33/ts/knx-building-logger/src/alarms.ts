import pg from "pg";

const alarmPool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });

export async function evaluateAlarm(ga: string, room: string, value: number, threshold: number) {
  const client = await alarmPool.connect();
  const { rows } = await client.query(
    "select id from alarms where ga = $1 and cleared_at is null",
    [ga],
  );

  if (value <= threshold) {
    if (rows.length > 0) {
      await client.query("update alarms set cleared_at = now() where id = $1", [rows[0].id]);
    }
    client.release();
    return;
  }

  if (rows.length > 0) {
    // alarm already open for this group address
    return;
  }

  await client.query(
    "insert into alarms (ga, room, value, raised_at) values ($1, $2, $3, now())",
    [ga, room, value],
  );
  client.release();
}
