#!/usr/bin/env node
import { cac } from "cac";
import { exportCommand } from "./commands/export";
import { watchCommand } from "./commands/watch";

const cli = cac("snowmirror");

cli
  .command("export <table>", "Copy one Snowflake mart into reporting Postgres and exit")
  .option("--since <date>", "Only rows updated after this date", { default: "1970-01-01" })
  .action((table: string, opts: { since: string }) => exportCommand(table, opts));

cli
  .command("watch", "Keep mirroring marts every N minutes")
  .option("--every <minutes>", "Interval in minutes", { default: 15 })
  .option("--tables <list>", "Comma-separated mart names", { default: "DAILY_REVENUE,ACTIVE_CUSTOMERS" })
  .action((opts: { every: number; tables: string }) => watchCommand(opts));

cli.help();
cli.version("1.1.0");

async function run(): Promise<void> {
  cli.parse(process.argv, { run: false });
  await cli.runMatchedCommand();
}

run().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
