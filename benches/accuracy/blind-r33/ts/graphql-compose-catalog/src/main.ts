import http from "node:http";
import { createHandler } from "graphql-http/lib/use/http";
import { schema } from "./schema/index";
import type { Ctx } from "./schema/context";
import { createPool } from "./lib/pool";
import { closeSearchClients, searchFor } from "./lib/search";

async function main() {
  const pool = await createPool(process.env.DATABASE_URL!);

  const handler = createHandler({
    schema,
    context: (req): Ctx => {
      const tenant = String(req.headers["x-tenant"] ?? "eu");
      return { tenant, pool, search: searchFor(tenant) };
    },
  });

  const server = http.createServer((req, res) => {
    if (req.url?.startsWith("/graphql")) {
      handler(req, res);
      return;
    }
    res.writeHead(404).end();
  });

  server.listen(Number(process.env.PORT ?? 4000), () => console.log("catalog graphql up"));

  process.on("SIGTERM", () => {
    server.close(async () => {
      await closeSearchClients();
      await pool.end();
      process.exit(0);
    });
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
