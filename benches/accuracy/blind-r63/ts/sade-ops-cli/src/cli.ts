#!/usr/bin/env node
import sade from "sade";
import Redis from "ioredis";
import { connectPg } from "./connect.js";

const prog = sade("opsctl");

prog.version("0.7.0").option("--env, -e", "Target environment", "staging");

prog
  .command("reindex <table>")
  .describe("Rebuild every index of a table concurrently")
  .action(async (table: string, opts: { env: string }) => {
    const client = await connectPg(opts.env);
    try {
      const { rows } = await client.query<{ indexname: string }>(
        "select indexname from pg_indexes where schemaname = 'public' and tablename = $1",
        [table]
      );
      for (const { indexname } of rows) {
        console.log(`reindexing ${indexname}`);
        await client.query(`reindex index concurrently "${indexname.replace(/"/g, '""')}"`);
      }
    } finally {
      await client.end();
    }
  });

prog
  .command("purge-cache <prefix>")
  .describe("Delete every cache key under a prefix")
  .option("--dry-run", "Only count the keys", false)
  .action(async (prefix: string, opts: { env: string; "dry-run": boolean }) => {
    const redis = new Redis(process.env[`${opts.env.toUpperCase()}_REDIS_URL`] ?? "redis://127.0.0.1:6379");
    try {
      let cursor = "0";
      let count = 0;
      do {
        const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
        cursor = next;
        count += keys.length;
        if (!opts["dry-run"] && keys.length > 0) {
          await redis.unlink(...keys);
        }
      } while (cursor !== "0");
      console.log(`${opts["dry-run"] ? "would delete" : "deleted"} ${count} keys`);
    } finally {
      await redis.quit();
    }
  });

prog
  .command("expire-sessions")
  .describe("Expire web sessions idle for longer than --days, in batches")
  .option("--days", "Idle days", 30)
  .option("--batch", "Rows per batch", 5000)
  .action(async (opts: { env: string; days: number; batch: number }) => {
    const client = await connectPg(opts.env);
    try {
      let total = 0;
      for (;;) {
        const { rowCount } = await client.query(
          `delete from sessions where id in (
             select id from sessions where last_seen < now() - make_interval(days => $1) limit $2)`,
          [opts.days, opts.batch]
        );
        total += rowCount ?? 0;
        if (!rowCount) break;
      }
      console.log(`expired ${total} sessions`);
    } finally {
      await client.end();
    }
  });

prog.parse(process.argv);
