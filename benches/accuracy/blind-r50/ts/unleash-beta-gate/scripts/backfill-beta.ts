// One-off: copy users who opted into the beta (MySQL) into the Redis cohort set.
import Redis from "ioredis";
import mysql, { type RowDataPacket } from "mysql2/promise";

const conn = await mysql.createConnection(process.env.MYSQL_URL ?? "");
const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
try {
  const [rows] = await conn.query<RowDataPacket[]>(
    "SELECT cohort_name, user_id FROM beta_optins WHERE revoked_at IS NULL",
  );
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500).map((r) => `${r.cohort_name}:${r.user_id}`);
    if (batch.length) await redis.sadd("beta:cohort", ...batch);
  }
  console.log(`backfilled ${rows.length} cohort members`);
} finally {
  await conn.end();
  redis.disconnect();
}
