import { AnyObj, controller, inject, QUERY_PARAMS, Res } from '@ditsmod/core';
import { route } from '@ditsmod/routing';
import { WarehouseDb } from './db.js';

function parseDay(value: unknown, fallback: Date): string {
  const d = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(value) : fallback;
  return d.toISOString().slice(0, 10);
}

@controller()
export class ReportsController {
  constructor(
    private warehouse: WarehouseDb,
    private res: Res,
  ) {}

  @route('GET', 'reports/stock')
  async stock(@inject(QUERY_PARAMS) query: AnyObj) {
    const rows = await this.warehouse
      .knex('stock_levels')
      .select('sku', 'location', 'on_hand', 'reserved')
      .modify((qb) => {
        if (query.sku) qb.where('sku', String(query.sku));
      })
      .orderBy(['sku', 'location'])
      .limit(500);
    this.res.sendJson({ region: this.warehouse.region, rows });
  }

  @route('GET', 'reports/throughput')
  async throughput(@inject(QUERY_PARAMS) query: AnyObj) {
    const to = parseDay(query.to, new Date());
    const from = parseDay(query.from, new Date(Date.now() - 7 * 86_400_000));
    const rows = await this.warehouse
      .knex('shipments')
      .select(this.warehouse.knex.raw('date_trunc(?, shipped_at)::date AS day', ['day']))
      .count({ shipments: '*' })
      .whereBetween('shipped_at', [from, to])
      .groupBy('day')
      .orderBy('day');
    this.res.sendJson({ region: this.warehouse.region, from, to, rows });
  }
}
