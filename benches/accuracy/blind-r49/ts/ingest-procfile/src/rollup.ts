import { setTimeout as sleep } from "node:timers/promises";
import { createPool } from "./db";

async function rollupHour(pool: Awaited<ReturnType<typeof createPool>>): Promise<number> {
  const conn = await pool.getConnection();
  try {
    await conn.beginTransaction();
    const [res] = await conn.query(
      `INSERT INTO hourly (meter_id, hour, kwh)
       SELECT meter_id, DATE_FORMAT(taken_at, '%Y-%m-%d %H:00:00'), SUM(kwh)
       FROM sample WHERE rolled_up = 0 AND taken_at < DATE_FORMAT(NOW(), '%Y-%m-%d %H:00:00')
       GROUP BY 1, 2
       ON DUPLICATE KEY UPDATE kwh = kwh + VALUES(kwh)`,
    );
    await conn.query(
      "UPDATE sample SET rolled_up = 1 WHERE rolled_up = 0 AND taken_at < DATE_FORMAT(NOW(), '%Y-%m-%d %H:00:00')",
    );
    await conn.commit();
    return (res as { affectedRows: number }).affectedRows;
  } catch (err) {
    await conn.rollback();
    throw err;
  } finally {
    conn.release();
  }
}

async function main(): Promise<void> {
  const pool = await createPool("rollup");
  let running = true;
  process.on("SIGTERM", () => { running = false; });

  while (running) {
    try {
      const n = await rollupHour(pool);
      if (n > 0) console.log(`rolled up ${n} meter-hours`);
    } catch (err) {
      console.error("rollup failed", err);
    }
    await sleep(5 * 60_000);
  }
  await pool.end();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
