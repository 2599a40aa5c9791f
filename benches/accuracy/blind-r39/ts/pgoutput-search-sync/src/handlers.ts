import type { Client as Elastic } from "@elastic/elasticsearch";
import type pg from "pg";
import type { Pgoutput } from "pg-logical-replication";

const INDEX = process.env.ES_INDEX ?? "products";

interface Deps {
  es: Elastic;
  pool: pg.Pool;
}

export function makeChangeHandler({ es, pool }: Deps) {
  async function enrich(productId: string) {
    const { rows } = await pool.query<{ category_path: string[]; stock: number }>(
      `SELECT c.path AS category_path, COALESCE(SUM(s.qty), 0)::int AS stock
         FROM products p
         JOIN categories c ON c.id = p.category_id
         LEFT JOIN stock s ON s.product_id = p.id
        WHERE p.id = $1
        GROUP BY c.path`,
      [productId],
    );
    return rows[0] ?? { category_path: [], stock: 0 };
  }

  async function markSynced(productId: string, lsn: string) {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await client.query(
        "INSERT INTO search_sync_state (product_id, lsn, synced_at) VALUES ($1, $2, now()) ON CONFLICT (product_id) DO UPDATE SET lsn = EXCLUDED.lsn, synced_at = now()",
        [productId, lsn],
      );
      await client.query("UPDATE products SET search_dirty = false WHERE id = $1", [productId]);
      await client.query("COMMIT");
    } catch (err) {
      await client.query("ROLLBACK");
      throw err;
    } finally {
      client.release();
    }
  }

  return async function onChange(lsn: string, msg: Pgoutput.Message): Promise<void> {
    if (msg.tag !== "insert" && msg.tag !== "update" && msg.tag !== "delete") return;
    if (msg.relation.name !== "products") return;

    if (msg.tag === "delete") {
      const id = String(msg.key?.id ?? msg.old?.id);
      await es.delete({ index: INDEX, id }, { ignore: [404] });
      return;
    }

    const row = msg.new;
    const extra = await enrich(String(row.id));
    await es.index({
      index: INDEX,
      id: String(row.id),
      document: {
        name: row.name,
        description: row.description,
        price_cents: Number(row.price_cents),
        categories: extra.category_path,
        in_stock: extra.stock > 0,
        updated_at: row.updated_at,
      },
    });
    await markSynced(String(row.id), lsn);
  };
}
