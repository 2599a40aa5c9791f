import { createServer } from "node:http";
import { Pool } from "pg";
import { postgraphile } from "postgraphile";
import PgSimplifyInflectorPlugin from "@graphile-contrib/pg-simplify-inflector";
import { SearchPlugin } from "./plugins/search-plugin";

// One pool for the whole process; PostGraphile checks a client out of it for
// every GraphQL request and releases it when the request finishes.
const pgPool = new Pool({ connectionString: process.env.DATABASE_URL, max: 12 });

const middleware = postgraphile(pgPool, "app_public", {
  appendPlugins: [PgSimplifyInflectorPlugin, SearchPlugin],
  dynamicJson: true,
  setofFunctionsContainNulls: false,
  ignoreRBAC: false,
  graphiql: process.env.NODE_ENV !== "production",
  enhanceGraphiql: true,
  watchPg: process.env.NODE_ENV !== "production",
  pgSettings: async (req) => ({
    role: req.headers["x-shopper-id"] ? "app_shopper" : "app_anonymous",
    "jwt.claims.shopper_id": String(req.headers["x-shopper-id"] ?? ""),
  }),
  additionalGraphQLContextFromRequest: async (req) => ({
    shopperId: (req.headers["x-shopper-id"] as string | undefined) ?? null,
  }),
});

const server = createServer(middleware);
server.listen(Number(process.env.PORT ?? 5000));

process.on("SIGTERM", () => {
  server.close(() => {
    void pgPool.end();
  });
});
