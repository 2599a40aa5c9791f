import { createServer } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import Redis from "ioredis";
import mysql from "mysql2/promise";
import { startUnleash } from "unleash-client";
import { BetaCohortStrategy } from "./strategy.js";

let pool: mysql.Pool | undefined;
for (let attempt = 1; attempt <= 8; attempt++) {
  const candidate = mysql.createPool({ uri: process.env.MYSQL_URL, connectionLimit: 8 });
  try {
    await candidate.query("SELECT 1");
    pool = candidate;
    break;
  } catch (err) {
    await candidate.end().catch(() => {});
    console.warn(`mysql not reachable yet (attempt ${attempt})`, (err as Error).message);
    await sleep(attempt * 1500);
  }
}
if (!pool) throw new Error("mysql unreachable, giving up");
const db = pool;

const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
let cohort: ReadonlySet<string> = new Set();
async function refreshCohort() {
  cohort = new Set(await redis.smembers("beta:cohort"));
}
await refreshCohort();
const refresher = setInterval(() => refreshCohort().catch(console.error), 30_000);

const unleash = await startUnleash({
  url: process.env.UNLEASH_URL ?? "http://unleash:4242/api/",
  appName: "beta-gate",
  customHeaders: { Authorization: process.env.UNLEASH_API_TOKEN ?? "" },
  strategies: [new BetaCohortStrategy(() => cohort)],
});

const server = createServer(async (req, res) => {
  const userId = String(req.headers["x-user-id"] ?? "");
  if (req.url !== "/dashboard") {
    res.writeHead(404).end();
    return;
  }
  const layout = unleash.isEnabled("new-dashboard", { userId }) ? "v2" : "v1";
  const conn = await db.getConnection();
  try {
    const [widgets] = await conn.query("SELECT id, kind, position FROM widgets WHERE user_id = ? AND layout = ?", [userId, layout]);
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ layout, widgets }));
  } catch (err) {
    console.error(err);
    res.writeHead(500).end();
  } finally {
    conn.release();
  }
});
server.listen(Number(process.env.PORT ?? 8090));

process.on("SIGTERM", () => {
  clearInterval(refresher);
  server.close(async () => {
    unleash.destroy();
    redis.disconnect();
    await db.end();
  });
});
