import pg from "pg";
import { Client as OpenSearch } from "@opensearch-project/opensearch";
import { setTimeout as sleep } from "node:timers/promises";
import { shardOf, toDoc, type ListingRow } from "./transform.js";

const BATCH = 1000;
const INDEX = process.env.TARGET_INDEX ?? "listings-v7";

async function connectWithRetry(attempts = 6): Promise<pg.Client> {
  for (let attempt = 1; ; attempt++) {
    const client = new pg.Client({
      connectionString: process.env.DATABASE_URL,
      application_name: "reindex-job",
      statement_timeout: 60_000,
    });
    try {
      await client.connect();
      return client;
    } catch (err) {
      await client.end().catch(() => undefined);
      if (attempt >= attempts) throw err;
      console.warn(`postgres not reachable (attempt ${attempt}), retrying`);
      await sleep(2 ** attempt * 250);
    }
  }
}

async function main(): Promise<void> {
  const { index, count } = shardOf();
  console.log(`reindex task ${index + 1}/${count} -> ${INDEX}`);

  const db = await connectWithRetry();
  const search = new OpenSearch({
    node: process.env.OPENSEARCH_URL,
    auth: {
      username: process.env.OPENSEARCH_USER ?? "reindexer",
      password: process.env.OPENSEARCH_PASSWORD ?? "",
    },
  });

  let lastId = "";
  let indexed = 0;
  let failed = 0;

  try {
    for (;;) {
      const { rows } = await db.query<ListingRow>(
        `select id, title, description, price_cents, currency, city, lat, lng, tags, updated_at
           from listings
          where id > $1 and abs(hashtext(id)) % $2 = $3 and status = 'active'
          order by id
          limit $4`,
        [lastId, count, index, BATCH],
      );
      if (rows.length === 0) break;

      const body = rows.flatMap((row) => [{ index: { _index: INDEX, _id: row.id } }, toDoc(row)]);
      const res = await search.bulk({ body, refresh: false });
      if (res.body.errors) {
        for (const item of res.body.items) {
          if (item.index?.error) failed++;
        }
      }
      indexed += rows.length;
      lastId = rows[rows.length - 1].id;
      console.log(`task ${index}: ${indexed} indexed, ${failed} failed, cursor ${lastId}`);
    }
  } finally {
    await db.end();
    await search.close();
  }

  if (failed > 0) {
    console.error(`task ${index}: ${failed} documents failed to index`);
    process.exitCode = 1;
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
