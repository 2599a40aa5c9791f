import { Client } from '@elastic/elasticsearch';
import type { BinlogEvent } from 'zongji';
import { brandName, categoryPath } from './enrich.js';

const INDEX = process.env.ES_INDEX ?? 'shop-products';

interface ProductRow {
  id: number;
  sku: string;
  title: string;
  brand_id: number | null;
  category_id: number;
  status: string;
}

function changedRows(evt: BinlogEvent): { row: any; deleted: boolean }[] {
  const name = evt.getEventName();
  const rows = evt.rows ?? [];
  if (name === 'updaterows') {
    return rows.map((r: { before: unknown; after: unknown }) => ({ row: r.after, deleted: false }));
  }
  return rows.map((r: unknown) => ({ row: r, deleted: name === 'deleterows' }));
}

async function productDoc(row: ProductRow) {
  return {
    sku: row.sku,
    title: row.title,
    brand: await brandName(row.brand_id),
    categories: await categoryPath(row.category_id),
    active: row.status === 'active',
  };
}

// Called by main.ts for every row event read from the binlog.
export async function indexRows(evt: BinlogEvent): Promise<void> {
  const table = evt.tableId !== undefined ? evt.tableMap?.[evt.tableId]?.tableName : undefined;
  if (!table) return;

  const es = new Client({
    node: process.env.ES_URL ?? 'http://127.0.0.1:9200',
    auth: { apiKey: process.env.ES_API_KEY ?? '' },
  });

  const operations: object[] = [];
  for (const { row, deleted } of changedRows(evt)) {
    if (table === 'products') {
      if (deleted) {
        operations.push({ delete: { _index: INDEX, _id: String(row.id) } });
      } else {
        operations.push({ index: { _index: INDEX, _id: String(row.id) } }, await productDoc(row));
      }
    } else if (table === 'product_prices' && !deleted) {
      operations.push(
        { update: { _index: INDEX, _id: String(row.product_id) } },
        { doc: { price_cents: row.amount_cents, currency: row.currency } },
      );
    } else if (table === 'product_stock' && !deleted) {
      operations.push(
        { update: { _index: INDEX, _id: String(row.product_id) } },
        { doc: { in_stock: row.quantity > 0 } },
      );
    }
  }

  if (operations.length === 0) return;
  const result = await es.bulk({ operations, refresh: false });
  if (result.errors) {
    const failed = result.items.filter((i) => Object.values(i)[0]?.error);
    console.warn(`bulk had ${failed.length} failed items on ${table}`);
  }
}
