import {get, param} from '@loopback/rest';
import {connectHistoryStore, PricePoint} from '../lib/history-store';

export class PriceHistoryController {
  @get('/products/{sku}/price-history')
  async history(
    @param.path.string('sku') sku: string,
    @param.query.number('days') days = 30,
  ): Promise<PricePoint[]> {
    const cassandra = connectHistoryStore();
    try {
      const since = new Date(Date.now() - days * 24 * 3600 * 1000);
      const rs = await cassandra.execute(
        'SELECT sku, day, price_cents FROM price_by_sku WHERE sku = ? AND day >= ?',
        [sku, since],
      );
      return rs.rows.map(r => ({
        sku: r.get('sku'),
        day: r.get('day').toString(),
        priceCents: r.get('price_cents'),
      }));
    } finally {
      await cassandra.shutdown();
    }
  }
}
