// One-off: rebuild the site-search index from the catalog DB.
// Run by hand or from the nightly CI job: `npm run reindex`.
import mysql from 'mysql2/promise';
import { Client } from '@elastic/elasticsearch';

const INDEX = process.env.SEARCH_INDEX ?? 'catalog-site';

async function main() {
  const db = await mysql.createConnection(process.env.CATALOG_DB_URL);
  const es = new Client({ node: process.env.ES_URL, auth: { apiKey: process.env.ES_API_KEY } });
  try {
    const [rows] = await db.query('SELECT sku, slug, title, description FROM products WHERE published = 1');
    const operations = rows.flatMap((p) => [{ index: { _index: INDEX, _id: p.sku } }, p]);
    const res = await es.bulk({ refresh: true, operations });
    console.log(`indexed ${rows.length} products, errors: ${res.errors}`);
  } finally {
    await db.end();
    await es.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
