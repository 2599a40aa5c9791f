import { Command, Flags } from "@oclif/core";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { closeAll, searchFor } from "../lib/search.js";

type Tenant = { slug: string; es_cloud_id: string };

export default class Sync extends Command {
  static override description = "Continuously push changed products into each tenant's search index";

  static override flags = {
    interval: Flags.integer({ default: 30, description: "seconds between passes" }),
    batch: Flags.integer({ default: 500 }),
  };

  private stopping = false;

  private async openPool(): Promise<pg.Pool> {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
    for (let attempt = 1; attempt <= 8; attempt++) {
      try {
        await pool.query("select 1");
        return pool;
      } catch (err) {
        this.warn(`database not reachable (attempt ${attempt}): ${(err as Error).message}`);
        await sleep(2_000 * attempt);
      }
    }
    await pool.end();
    this.error("database unavailable, giving up", { exit: 2 });
  }

  async run(): Promise<void> {
    const { flags } = await this.parse(Sync);
    const pool = await this.openPool();
    process.once("SIGTERM", () => (this.stopping = true));
    process.once("SIGINT", () => (this.stopping = true));

    try {
      while (!this.stopping) {
        const { rows: tenants } = await pool.query<Tenant>("select slug, es_cloud_id from tenants where active");
        for (const t of tenants) {
          const es = searchFor(t.slug, t.es_cloud_id);
          const { rows } = await pool.query(
            `update products set indexed_at = now()
             where id in (select id from products where tenant = $1 and (indexed_at is null or indexed_at < updated_at)
                          order by updated_at limit $2 for update skip locked)
             returning id, name, description, price_cents`,
            [t.slug, flags.batch],
          );
          if (rows.length === 0) continue;
          const operations = rows.flatMap((r) => [{ index: { _index: "products", _id: String(r.id) } }, r]);
          const res = await es.bulk({ operations, refresh: false });
          if (res.errors) this.warn(`${t.slug}: bulk had errors`);
          this.log(`${t.slug}: indexed ${rows.length}`);
        }
        await sleep(flags.interval * 1000);
      }
    } finally {
      await closeAll();
      await pool.end();
    }
  }
}
