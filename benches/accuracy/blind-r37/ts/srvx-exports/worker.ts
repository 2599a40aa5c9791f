import { createPool } from "./lib/db.js";
import { createRedis, QUEUE } from "./lib/redis.js";

let running = true;
process.on("SIGTERM", () => {
  running = false;
});

async function renderExport(reportId: string, format: string): Promise<string> {
  // rendering is delegated to the report service; returns the object URL
  const res = await fetch(`${process.env.RENDER_URL}/render/${reportId}?format=${format}`, { method: "POST" });
  if (!res.ok) throw new Error(`render failed: ${res.status}`);
  return ((await res.json()) as { url: string }).url;
}

async function main(): Promise<void> {
  const pool = createPool("worker");
  const redis = createRedis("worker");

  while (running) {
    const item = await redis.brpop(QUEUE, 5);
    if (!item) continue;
    const exportId = item[1];

    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const { rows } = await client.query(
        "SELECT report_id, format FROM exports WHERE id = $1 AND status = 'queued' FOR UPDATE SKIP LOCKED",
        [exportId]
      );
      if (rows.length === 0) {
        await client.query("ROLLBACK");
        continue;
      }
      const url = await renderExport(rows[0].report_id, rows[0].format);
      await client.query("UPDATE exports SET status = 'done', download_url = $2 WHERE id = $1", [exportId, url]);
      await client.query("COMMIT");
    } catch (err) {
      await client.query("ROLLBACK").catch(() => {});
      console.error(`export ${exportId} failed`, err);
    } finally {
      client.release();
    }
  }

  await Promise.all([pool.end(), redis.quit()]);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
