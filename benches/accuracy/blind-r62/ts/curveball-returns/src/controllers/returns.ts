import Controller from '@curveball/controller';
import type { Context } from '@curveball/kernel';
import { BadRequest, NotFound } from '@curveball/http-errors';
import type { Pool } from 'pg';
import type { Redis } from 'ioredis';

// Controller instances are created once in web.ts and reused for every request.
export class ReturnItemController extends Controller {
  constructor(private readonly pool: Pool) {
    super();
  }

  async get(ctx: Context) {
    const { rows } = await this.pool.query('SELECT * FROM returns WHERE rma = $1', [ctx.params.rma]);
    if (!rows.length) throw new NotFound(`RMA ${ctx.params.rma} not found`);
    ctx.response.body = rows[0];
  }
}

export class ReturnCollectionController extends Controller {
  constructor(private readonly pool: Pool, private readonly queue: Redis) {
    super();
  }

  async post(ctx: Context) {
    const body = ctx.request.body as { orderId?: string; lines?: { sku: string; qty: number }[] };
    if (!body?.orderId || !body.lines?.length) throw new BadRequest('orderId and lines are required');

    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const { rows: [rma] } = await client.query(
        `INSERT INTO returns (order_id, status) VALUES ($1, 'requested') RETURNING rma`,
        [body.orderId],
      );
      for (const line of body.lines) {
        await client.query('INSERT INTO return_lines (rma, sku, qty) VALUES ($1, $2, $3)', [rma.rma, line.sku, line.qty]);
      }
      await client.query('COMMIT');
      await this.queue.lpush('labels:pending', rma.rma);
      ctx.status = 201;
      ctx.response.headers.set('Location', `/returns/${rma.rma}`);
      ctx.response.body = rma;
    } catch (err) {
      await client.query('ROLLBACK');
      throw err;
    } finally {
      client.release();
    }
  }
}
