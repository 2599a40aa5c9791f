import { createClient } from "icqq";
import Redis from "ioredis";
import { createDbPool } from "./db.js";
import { makeHandlers } from "./handlers.js";

const uin = Number(process.env.QQ_UIN);
const pool = createDbPool();
const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");

const client = createClient({ platform: 2, data_dir: process.env.ICQQ_DATA ?? "./data" });
const handlers = makeHandlers({ pool, redis });

client.on("system.online", () => console.log(`bot ${uin} online`));
client.on("system.login.slider", ({ url }) => {
  console.log(`slider verification required: ${url}`);
  process.stdin.once("data", (ticket) => client.submitSlider(String(ticket).trim()));
});
client.on("message.group", (e) => {
  handlers.onGroupMessage(e).catch((err) => console.error("group handler failed", err));
});

await client.login(uin, process.env.QQ_PASSWORD);

async function shutdown() {
  await client.logout().catch(() => {});
  redis.disconnect();
  await pool.end();
  process.exit(0);
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
