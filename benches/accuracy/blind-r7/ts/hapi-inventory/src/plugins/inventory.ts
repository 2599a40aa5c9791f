import type { Plugin, Request, ResponseToolkit } from '@hapi/hapi';
import Boom from '@hapi/boom';
import Joi from 'joi';
import { warehousePool } from '../db/connect.js';

interface InventoryOptions {
  region: string;
}

interface ReservePayload {
  qty: number;
  orderId: string;
}

export const inventoryPlugin: Plugin<InventoryOptions> = {
  name: 'inventory',
  version: '1.4.2',
  register: async (server, options) => {
    const primary = warehousePool('primary');
    server.events.on('stop', () => primary.end());

    server.route({
      method: 'GET',
      path: '/items',
      handler: async () => {
        const { rows } = await primary.query('SELECT sku, name, qty FROM items ORDER BY sku LIMIT 100');
        return rows;
      },
    });

    server.route({
      method: 'GET',
      path: '/items/{sku}',
      options: {
        validate: { params: Joi.object({ sku: Joi.string().max(32).required() }) },
      },
      handler: async (request: Request, h: ResponseToolkit) => {
        const replica = warehousePool(options.region);
        const { rows } = await replica.query(
          'SELECT sku, name, qty, updated_at FROM items WHERE sku = $1',
          [request.params.sku],
        );
        if (rows.length === 0) {
          throw Boom.notFound(`unknown sku ${request.params.sku}`);
        }
        return h.response(rows[0]).header('x-served-by', options.region);
      },
    });

    server.route({
      method: 'POST',
      path: '/items/{sku}/reserve',
      options: {
        validate: {
          payload: Joi.object({ qty: Joi.number().integer().min(1).required(), orderId: Joi.string().required() }),
        },
      },
      handler: async (request: Request, h: ResponseToolkit) => {
        const { qty, orderId } = request.payload as ReservePayload;
        const client = await primary.connect();
        await client.query('BEGIN');
        const { rows } = await client.query('SELECT qty FROM items WHERE sku = $1 FOR UPDATE', [request.params.sku]);
        if (rows.length === 0 || rows[0].qty < qty) {
          await client.query('ROLLBACK');
          throw Boom.conflict('insufficient stock');
        }
        await client.query('UPDATE items SET qty = qty - $2 WHERE sku = $1', [request.params.sku, qty]);
        await client.query(
          'INSERT INTO reservations (order_id, sku, qty) VALUES ($1, $2, $3)',
          [orderId, request.params.sku, qty],
        );
        await client.query('COMMIT');
        client.release();
        return h.response({ reserved: qty }).code(201);
      },
    });
  },
};
