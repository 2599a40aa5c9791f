import type { REPLServer } from 'node:repl';
import type pg from 'pg';
import { Client as Elastic } from '@elastic/elasticsearch';
import { Pool as HttpPool } from 'undici';

interface Deps {
  pool: pg.Pool;
}

function done(server: REPLServer): void {
  server.clearBufferedCommand();
  server.displayPrompt();
}

export function registerCommands(server: REPLServer, deps: Deps): void {
  server.defineCommand('listing', {
    help: 'Full-text search listings: .listing <query>',
    async action(query: string) {
      const es = new Elastic({
        node: process.env.ELASTIC_URL ?? 'http://localhost:9200',
        auth: { apiKey: process.env.ELASTIC_API_KEY ?? '' },
      });
      try {
        const res = await es.search<{ title: string; seller_id: number; price_cents: number }>({
          index: 'listings',
          size: 10,
          query: { multi_match: { query, fields: ['title^3', 'description'] } },
        });
        console.table(
          res.hits.hits.map((h) => ({
            id: h._id,
            title: h._source?.title,
            seller: h._source?.seller_id,
            price: ((h._source?.price_cents ?? 0) / 100).toFixed(2),
          })),
        );
      } catch (err) {
        console.error(`search failed: ${(err as Error).message}`);
      }
      done(this);
    },
  });

  server.defineCommand('order', {
    help: 'Show an order with its items: .order <id>',
    async action(arg: string) {
      const id = Number(arg.trim());
      if (!Number.isInteger(id)) {
        console.error('usage: .order <numeric id>');
        return done(this);
      }
      const client = await deps.pool.connect();
      const { rows } = await client.query(
        'SELECT id, buyer_id, status, total_cents, created_at FROM orders WHERE id = $1',
        [id],
      );
      if (rows.length === 0) {
        console.log(`order ${id} not found`);
        return done(this);
      }
      const items = await client.query(
        'SELECT listing_id, qty, price_cents FROM order_items WHERE order_id = $1',
        [id],
      );
      client.release();
      console.log(rows[0]);
      console.table(items.rows);
      done(this);
    },
  });

  server.defineCommand('refund', {
    help: 'Issue a refund through the payments service: .refund <orderId> <cents> <reason>',
    async action(arg: string) {
      const [orderId, cents, ...reason] = arg.trim().split(/\s+/);
      if (!orderId || !cents) {
        console.error('usage: .refund <orderId> <cents> <reason>');
        return done(this);
      }
      const payments = new HttpPool(process.env.PAYMENTS_URL ?? 'http://payments.internal:8080', {
        connections: 4,
      });
      const { statusCode, body } = await payments.request({
        method: 'POST',
        path: `/v1/orders/${orderId}/refunds`,
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${process.env.PAYMENTS_TOKEN}`,
        },
        body: JSON.stringify({ amount_cents: Number(cents), reason: reason.join(' ') || 'ops' }),
      });
      console.log(`payments replied ${statusCode}:`, await body.json());
      done(this);
    },
  });

  server.defineCommand('health', {
    help: 'Check database connectivity',
    async action() {
      const started = Date.now();
      try {
        const { rows } = await deps.pool.query('SELECT now() AS now, pg_is_in_recovery() AS replica');
        console.log({ ...rows[0], ms: Date.now() - started, pool: deps.pool.totalCount });
      } catch (err) {
        console.error(`db unreachable: ${(err as Error).message}`);
      }
      done(this);
    },
  });
}
