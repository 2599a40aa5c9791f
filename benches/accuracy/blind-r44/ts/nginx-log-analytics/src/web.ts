import http from "node:http";
import sql from "mssql";
import { createPool } from "./db.js";

async function main(): Promise<void> {
  const pool = await createPool("web");

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    try {
      if (url.pathname === "/api/top-paths") {
        const minutes = Math.min(Number(url.searchParams.get("minutes") ?? 60), 1440);
        const result = await pool
          .request()
          .input("since", sql.DateTime2, new Date(Date.now() - minutes * 60_000))
          .query<{ path: string; hits: number; p95_ms: number }>(
            `SELECT TOP 20 path, COUNT(*) AS hits,
                    MAX(p95) AS p95_ms
               FROM (SELECT path, PERCENTILE_CONT(0.95) WITHIN GROUP (ORDER BY duration_ms) OVER (PARTITION BY path) AS p95
                       FROM access_log WHERE ts >= @since) x
              GROUP BY path ORDER BY hits DESC`,
          );
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(result.recordset));
        return;
      }
      if (url.pathname === "/api/status-codes") {
        const result = await pool
          .request()
          .input("since", sql.DateTime2, new Date(Date.now() - 3_600_000))
          .query("SELECT status, COUNT(*) AS hits FROM access_log WHERE ts >= @since GROUP BY status");
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(result.recordset));
        return;
      }
      res.writeHead(404).end();
    } catch (err) {
      console.error(err);
      res.writeHead(500).end();
    }
  });

  server.listen(Number(process.env.PORT ?? 5000));
  process.on("SIGTERM", () => server.close(() => void pool.close().then(() => process.exit(0))));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
