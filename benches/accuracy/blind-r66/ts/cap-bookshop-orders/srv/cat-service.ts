import cds from '@sap/cds';
import Redis from 'ioredis';
import { erpStockFor, reserveInErp } from './lib/erp';
import { pushStockLevels } from './lib/stock-sync';

const LOG = cds.log('cat-service');

type BookRow = { ID: number; title: string; stock: number };

export default class CatalogService extends cds.ApplicationService {
  async init() {
    const { Books, Orders } = this.entities;

    this.before('CREATE', Orders, (req) => {
      const qty = req.data.quantity;
      if (!qty || qty < 1) return req.reject(400, 'quantity must be a positive number');
    });

    // Overlay live ERP stock on every catalog read.
    this.after('READ', Books, async (result) => {
      const books = (Array.isArray(result) ? result : [result]).filter(Boolean) as BookRow[];
      if (!books.length) return;
      const levels = await erpStockFor(books.map((b) => b.ID));
      for (const b of books) {
        const onHand = levels.get(b.ID);
        if (onHand !== undefined) b.stock = onHand;
      }
    });

    this.on('submitOrder', async (req) => {
      const { book, quantity } = req.data as { book: number; quantity: number };
      const row = (await SELECT.one.from(Books, book).columns('ID', 'title', 'stock')) as BookRow | undefined;
      if (!row) return req.reject(404, `book ${book} does not exist`);
      if (row.stock < quantity) return req.reject(409, `${quantity} exceeds stock for book #${book}`);

      await UPDATE(Books, book).with({ stock: { '-=': quantity } });
      const erpRef = await reserveInErp(book, quantity, req.user.id);
      await INSERT.into(Orders).entries({ book_ID: book, quantity, erpRef });

      // notify the warehouse dashboard
      const events = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');
      await events.publish('bookshop:orders', JSON.stringify({ erpRef, book, quantity, by: req.user.id }));

      LOG.info('order', erpRef, 'submitted for', row.title);
      return { stock: row.stock - quantity };
    });

    this.on('syncStock', async () => {
      const rows = (await SELECT.from(Books).columns('ID', 'stock')) as BookRow[];
      return pushStockLevels(rows);
    });

    return super.init();
  }
}
