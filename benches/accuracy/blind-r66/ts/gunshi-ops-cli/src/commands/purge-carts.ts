import { define } from 'gunshi';
import { openDb } from '../db.js';

export const purgeCarts = define({
  name: 'purge-carts',
  description: 'Delete abandoned carts older than N days, in small batches',
  args: {
    days: { type: 'number', default: 30, description: 'age threshold in days' },
  },
  async run(ctx) {
    const db = await openDb();
    let total = 0;
    try {
      for (;;) {
        const res = await db.query(
          `DELETE FROM carts WHERE id IN (
             SELECT id FROM carts
              WHERE checked_out = false AND updated_at < now() - make_interval(days => $1)
              LIMIT 2000)`,
          [ctx.values.days],
        );
        total += res.rowCount ?? 0;
        if (!res.rowCount) break;
      }
      console.log(`purged ${total} carts`);
    } finally {
      await db.end();
    }
  },
});
