import { Command, Flags } from "@oclif/core";
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import pg from "pg";
import Cursor from "pg-cursor";

export default class Export extends Command {
  static override description = "Export products changed since a date to NDJSON";
  static override examples = ["<%= config.bin %> export --since 2024-09-01 -o changed.ndjson"];

  static override flags = {
    since: Flags.string({ required: true, description: "ISO date" }),
    out: Flags.string({ char: "o", default: "products.ndjson" }),
    tenant: Flags.string({ char: "t", description: "only this tenant" }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(Export);
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    const file = createWriteStream(flags.out);
    let n = 0;
    try {
      const cursor = client.query(
        new Cursor(
          "select * from products where updated_at >= $1 and ($2::text is null or tenant = $2) order by id",
          [flags.since, flags.tenant ?? null],
        ),
      );
      for (;;) {
        const rows = await cursor.read(1000);
        if (rows.length === 0) break;
        for (const r of rows) {
          if (!file.write(JSON.stringify(r) + "\n")) await once(file, "drain");
          n++;
        }
      }
      await cursor.close();
    } finally {
      file.end();
      await client.end();
    }
    this.log(`exported ${n} products to ${flags.out}`);
  }
}
