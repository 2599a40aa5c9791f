import http from "node:http";
import { randomUUID } from "node:crypto";
import { createClient, type RedisClientType } from "redis";
import { newEnforcer } from "casbin";
import { MysqlAdapter } from "./mysql-adapter.js";
import { RedisWatcher } from "./redis-watcher.js";

async function readJson(req: http.IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

async function main(): Promise<void> {
  const adapter = await MysqlAdapter.create(process.env.MYSQL_PRIMARY_URL!, process.env.MYSQL_REPLICA_URL!);
  const redis = createClient({ url: process.env.REDIS_URL }) as RedisClientType;
  await redis.connect();

  const enforcer = await newEnforcer("config/rbac_model.conf", adapter);
  // on every "policy updated" message the enforcer re-runs adapter.loadPolicy()
  enforcer.setWatcher(await RedisWatcher.create(redis, randomUUID()));

  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://authz");
      if (req.method === "GET" && url.pathname === "/check") {
        const { sub, dom, obj, act } = Object.fromEntries(url.searchParams);
        const allowed = await enforcer.enforce(sub, dom, obj, act);
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ allowed }));
        return;
      }
      if (req.method === "POST" && url.pathname === "/policies") {
        const { sub, dom, obj, act } = await readJson(req);
        const added = await enforcer.addPolicy(sub, dom, obj, act);
        res.writeHead(added ? 201 : 200).end();
        return;
      }
      if (req.method === "POST" && url.pathname === "/policies/compact") {
        await enforcer.savePolicy();
        res.writeHead(204).end();
        return;
      }
      res.writeHead(404).end();
    } catch (err) {
      console.error(err);
      res.writeHead(500).end();
    }
  });

  server.listen(Number(process.env.PORT ?? 8181));

  process.on("SIGTERM", () => {
    server.close(async () => {
      await adapter.close();
      await redis.quit();
    });
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
