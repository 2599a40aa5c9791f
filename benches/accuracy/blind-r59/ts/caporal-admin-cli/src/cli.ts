#!/usr/bin/env node
import { program } from "@caporal/core";
import { registerReindex } from "./commands/reindex";
import { registerSessions } from "./commands/sessions";
import { registerBackfill } from "./commands/backfill";

program
  .name("shopctl")
  .version("0.8.0")
  .description("Operator tooling for the shop platform")
  .strict(true);

registerReindex(program);
registerSessions(program);
registerBackfill(program);

program
  .command("doctor", "Print which backing services are configured")
  .action(({ logger }) => {
    const checks: Array<[string, string | undefined]> = [
      ["DATABASE_URL", process.env.DATABASE_URL],
      ["CATALOG_MONGO_URL", process.env.CATALOG_MONGO_URL],
      ["SESSION_REDIS_URL", process.env.SESSION_REDIS_URL],
      ["MEILI_HOST", process.env.MEILI_HOST],
    ];
    for (const [name, value] of checks) {
      logger.info(`${name.padEnd(20)} ${value ? "set" : "missing"}`);
    }
  });

program.run().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
