import { createTool } from '@voltagent/core';
import type pg from 'pg';
import type { Pool as HttpPool } from 'undici';
import { z } from 'zod';
import { ORDER_SUMMARY_SQL, type OrderSummary } from './db.js';

export interface ToolDeps {
  db: pg.Pool;
  carrier: HttpPool;
}

/** Builds the agent's tools around clients created once in index.ts. */
export function makeTools({ db, carrier }: ToolDeps) {
  const getOrder = createTool({
    name: 'get_order',
    description: 'Fetch status, total and shipment of an order by its number (e.g. NW-104233)',
    parameters: z.object({ orderNumber: z.string().regex(/^NW-\d{6}$/) }),
    execute: async ({ orderNumber }) => {
      const { rows } = await db.query<OrderSummary>(ORDER_SUMMARY_SQL, [orderNumber]);
      return rows[0] ?? { error: `order ${orderNumber} not found` };
    },
  });

  const trackShipment = createTool({
    name: 'track_shipment',
    description: 'Latest carrier scan events for a tracking number',
    parameters: z.object({ trackingNo: z.string().min(6) }),
    execute: async ({ trackingNo }) => {
      const { statusCode, body } = await carrier.request({
        method: 'GET',
        path: `/v2/track/${encodeURIComponent(trackingNo)}`,
        headers: { authorization: `Bearer ${process.env.CARRIER_API_KEY}` },
      });
      if (statusCode !== 200) {
        await body.dump();
        return { error: `carrier API returned ${statusCode}` };
      }
      const data = (await body.json()) as { events: Array<{ at: string; where: string; what: string }> };
      return { events: data.events.slice(0, 5) };
    },
  });

  const openRma = createTool({
    name: 'open_rma',
    description: 'Open a return (RMA) for some lines of a delivered order',
    parameters: z.object({
      orderNumber: z.string().regex(/^NW-\d{6}$/),
      lineNos: z.array(z.number().int().positive()).min(1),
      reason: z.string().max(500),
    }),
    execute: async ({ orderNumber, lineNos, reason }) => {
      const client = await db.connect();
      try {
        await client.query('BEGIN');
        const { rows } = await client.query(
          "SELECT id FROM orders WHERE number = $1 AND status = 'delivered' FOR UPDATE",
          [orderNumber],
        );
        if (!rows.length) {
          await client.query('ROLLBACK');
          return { error: 'order not found or not delivered yet' };
        }
        const rma = await client.query(
          'INSERT INTO rmas (order_id, reason) VALUES ($1, $2) RETURNING id, created_at',
          [rows[0].id, reason],
        );
        await client.query('INSERT INTO rma_lines (rma_id, line_no) SELECT $1, unnest($2::int[])', [
          rma.rows[0].id,
          lineNos,
        ]);
        await client.query('COMMIT');
        return { rmaId: rma.rows[0].id, createdAt: rma.rows[0].created_at };
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      } finally {
        client.release();
      }
    },
  });

  return [getOrder, trackShipment, openRma];
}
