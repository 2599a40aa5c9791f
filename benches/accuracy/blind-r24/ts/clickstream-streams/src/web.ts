import { createServer, type IncomingMessage } from "node:http";
import Router from "find-my-way";
import { Redis } from "ioredis";
import { createPool, STREAM, type ClickEvent } from "./db.js";

const pool = createPool("web", 5);
const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");

const router = Router({
  ignoreTrailingSlash: true,
  defaultRoute: (_req, res) => {
    res.statusCode = 404;
    res.end();
  },
});

async function readBody(req: IncomingMessage): Promise<string> {
  let data = "";
  for await (const chunk of req) data += chunk;
  return data;
}

router.on("POST", "/c/:campaign", async (req, res, params) => {
  const raw = JSON.parse((await readBody(req)) || "{}") as Partial<ClickEvent>;
  const event: ClickEvent = {
    campaign: params.campaign ?? "unknown",
    url: String(raw.url ?? ""),
    visitor: String(raw.visitor ?? req.headers["x-visitor-id"] ?? "anon"),
    ts: Date.now(),
  };
  await redis.xadd(STREAM, "MAXLEN", "~", "1000000", "*", "payload", JSON.stringify(event));
  res.statusCode = 202;
  res.end();
});

router.on("GET", "/campaigns/:campaign/stats", async (_req, res, params) => {
  const { rows } = await pool.query(
    `select date_trunc('hour', clicked_at) as hour, count(*)::int as clicks
       from clicks where campaign = $1 and clicked_at > now() - interval '24 hours'
      group by 1 order by 1`,
    [params.campaign],
  );
  res.setHeader("content-type", "application/json");
  res.end(JSON.stringify(rows));
});

router.on("GET", "/healthz", async (_req, res) => {
  const lag = await redis.xlen(STREAM);
  res.end(JSON.stringify({ ok: true, backlog: lag }));
});

const server = createServer((req, res) => {
  router.lookup(req, res);
});

server.listen(Number(process.env.PORT ?? 3000));

process.on("SIGTERM", () => {
  server.close(async () => {
    await redis.quit();
    await pool.end();
    process.exit(0);
  });
});
