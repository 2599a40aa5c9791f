import { createWriteStream } from "node:fs";
import { buildCommand } from "@stricli/core";
import type { LocalContext } from "./context.js";
import { openMongo, openPg } from "./db.js";

const COLLECTIONS = ["products", "variants", "collections"] as const;

interface Flags {
  readonly since: string;
  readonly out: string;
  readonly batch: number;
}

export const exportOrders = buildCommand({
  docs: { brief: "Export orders created since a date as NDJSON" },
  parameters: {
    flags: {
      since: { kind: "parsed", parse: String, brief: "ISO date, inclusive" },
      out: { kind: "parsed", parse: String, brief: "output file", default: "orders.ndjson" },
      batch: { kind: "parsed", parse: Number, brief: "rows per batch", default: "5000" },
    },
  },
  async func(this: LocalContext, flags: Flags) {
    const db = await openPg();
    const out = createWriteStream(flags.out);
    let lastId = 0;
    let total = 0;
    try {
      for (;;) {
        const { rows } = await db.query(
          "SELECT * FROM orders WHERE created_at >= $1 AND id > $2 ORDER BY id LIMIT $3",
          [flags.since, lastId, flags.batch],
        );
        if (rows.length === 0) break;
        for (const row of rows) out.write(JSON.stringify(row) + "\n");
        lastId = rows[rows.length - 1].id;
        total += rows.length;
        this.process.stderr.write(`\r${total} orders`);
      }
    } finally {
      out.end();
      await db.end();
    }
    this.process.stdout.write(`\nexported ${total} orders to ${flags.out}\n`);
  },
});

export const purgeCarts = buildCommand({
  docs: { brief: "Delete abandoned carts older than N days, in chunks" },
  parameters: {
    flags: {
      days: { kind: "parsed", parse: Number, brief: "age in days", default: "30" },
      dryRun: { kind: "boolean", brief: "only count", default: false },
    },
  },
  async func(this: LocalContext, flags: { readonly days: number; readonly dryRun: boolean }) {
    const db = await openPg();
    try {
      if (flags.dryRun) {
        const { rows } = await db.query(
          "SELECT count(*)::int AS n FROM carts WHERE checked_out_at IS NULL AND updated_at < now() - make_interval(days => $1)",
          [flags.days],
        );
        this.process.stdout.write(`${rows[0].n} carts would be deleted\n`);
        return;
      }
      let deleted = 0;
      let chunk: number;
      do {
        const res = await db.query(
          `DELETE FROM carts WHERE id IN (
             SELECT id FROM carts WHERE checked_out_at IS NULL
               AND updated_at < now() - make_interval(days => $1) LIMIT 1000)`,
          [flags.days],
        );
        chunk = res.rowCount ?? 0;
        deleted += chunk;
      } while (chunk > 0);
      this.process.stdout.write(`deleted ${deleted} carts\n`);
    } finally {
      await db.end();
    }
  },
});

export const reindex = buildCommand({
  docs: { brief: "Rebuild the catalogue search indexes in MongoDB" },
  parameters: {},
  async func(this: LocalContext) {
    const mongo = await openMongo();
    try {
      const catalog = mongo.db("catalog");
      for (const name of COLLECTIONS) {
        const coll = catalog.collection(name);
        await coll.dropIndex("search_text").catch(() => undefined);
        await coll.createIndex(
          { title: "text", description: "text", tags: "text" },
          { name: "search_text", weights: { title: 10, tags: 5, description: 1 } },
        );
        this.process.stdout.write(`reindexed ${name}\n`);
      }
    } finally {
      await mongo.close();
    }
  },
});
