import Vorpal from 'vorpal';
import { MongoClient } from 'mongodb';
import type { RowDataPacket } from 'mysql2/promise';
import { wms } from '../db';

interface StockRow extends RowDataPacket {
  sku: string;
  location: string;
  qty: number;
}

export function registerStockCommands(vorpal: Vorpal): void {
  vorpal
    .command('stock <sku>', 'Show on-hand quantity per location')
    .action(async function (args) {
      const [rows] = await wms.query<StockRow[]>(
        'SELECT sku, location, qty FROM stock WHERE sku = ? ORDER BY location',
        [args.sku],
      );
      rows.forEach((r) => this.log(`${r.location.padEnd(10)} ${r.qty}`));
    });

  vorpal
    .command('reindex <sku>', 'Push current stock for a SKU to the storefront catalog')
    .option('-d, --dry-run', 'print the document only')
    .action(async function (args) {
      const [rows] = await wms.query<StockRow[]>(
        'SELECT sku, location, qty FROM stock WHERE sku = ?',
        [args.sku],
      );
      const doc = {
        sku: args.sku,
        onHand: rows.reduce((n, r) => n + r.qty, 0),
        locations: rows.map((r) => r.location),
        updatedAt: new Date(),
      };
      if (args.options['dry-run']) {
        this.log(JSON.stringify(doc, null, 2));
        return;
      }

      const mongo = new MongoClient(process.env.CATALOG_MONGO_URL ?? 'mongodb://localhost:27017');
      await mongo.connect();
      await mongo
        .db('storefront')
        .collection('availability')
        .updateOne({ sku: doc.sku }, { $set: doc }, { upsert: true });
      this.log(`reindexed ${doc.sku}: ${doc.onHand} on hand`);
    });
}
