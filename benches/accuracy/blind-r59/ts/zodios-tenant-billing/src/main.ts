import { zodiosApp } from "@zodios/express";
import express from "express";
import { Pool } from "pg";
import Redis from "ioredis";
import { buildRouter } from "./router";
import { closeTenantPools } from "./tenants";

function main(): void {
  // Control-plane database: tenant registry only.
  const control = new Pool({
    connectionString: process.env.CONTROL_DATABASE_URL,
    max: 5,
    application_name: "billing-api",
  });
  const redis = new Redis(process.env.REDIS_URL ?? "redis://localhost:6379");

  const app = zodiosApp();
  app.use(express.json());
  app.use(buildRouter(control, redis));
  app.get("/healthz", async (_req, res) => {
    await control.query("SELECT 1");
    res.json({ ok: true });
  });

  const port = Number(process.env.PORT ?? 8080);
  const server = app.listen(port, () => console.log(`billing api on :${port}`));

  const stop = () =>
    server.close(async () => {
      await closeTenantPools();
      await Promise.allSettled([control.end(), redis.quit()]);
      process.exit(0);
    });
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main();
