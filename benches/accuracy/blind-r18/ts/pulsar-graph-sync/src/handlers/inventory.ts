import type { Deps } from '../dispatch.js';

export interface StockChanged {
  sku: string;
  available: number;
  warehouse: string;
}

export async function onStockChanged(evt: StockChanged, { driver }: Deps): Promise<void> {
  const session = driver.session({ database: 'shop' });
  try {
    await session.executeWrite((tx) =>
      tx.run(
        `MERGE (p:Product {sku: $sku})
         MERGE (w:Warehouse {code: $warehouse})
         MERGE (p)-[s:STOCKED_IN]->(w)
         SET s.available = $available, p.inStock = $available > 0`,
        { ...evt },
      ),
    );
  } finally {
    await session.close();
  }
}
