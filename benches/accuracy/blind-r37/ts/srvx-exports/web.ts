import { serve } from "srvx";
import { createPool } from "./lib/db.js";
import { createRedis, QUEUE } from "./lib/redis.js";

const pool = createPool("web");
const redis = createRedis("web");

function json(data: unknown, status = 200): Response {
  return new Response(JSON.stringify(data), { status, headers: { "content-type": "application/json" } });
}

const server = serve({
  port: Number(process.env.PORT ?? 3000),
  async fetch(request) {
    const url = new URL(request.url);

    if (request.method === "POST" && url.pathname === "/exports") {
      const { reportId, format } = (await request.json()) as { reportId: string; format: "csv" | "xlsx" };
      const { rows } = await pool.query(
        "INSERT INTO exports (report_id, format, status) VALUES ($1, $2, 'queued') RETURNING id",
        [reportId, format]
      );
      await redis.lpush(QUEUE, String(rows[0].id));
      return json({ id: rows[0].id, status: "queued" }, 202);
    }

    const match = url.pathname.match(/^\/exports\/(\d+)$/);
    if (request.method === "GET" && match) {
      const { rows } = await pool.query("SELECT id, status, download_url FROM exports WHERE id = $1", [match[1]]);
      return rows.length ? json(rows[0]) : json({ error: "not found" }, 404);
    }

    return new Response("not found", { status: 404 });
  },
});

await server.ready();
console.log(`web listening on ${server.url}`);

process.on("SIGTERM", async () => {
  await server.close();
  await Promise.all([pool.end(), redis.quit()]);
  process.exit(0);
});
