import type { Db } from 'mongodb';
import { searchFor } from './search';

interface Deps {
  db: Db;
}

type PriceArgs = { tenant: string; sku: string };
type SearchArgs = { tenant: string; q: string; limit?: number };

// Built once in main(); jayson invokes the returned functions per RPC call.
export function makeMethods({ db }: Deps) {
  const prices = db.collection('prices');

  return {
    async getPrice({ tenant, sku }: PriceArgs) {
      const doc = await prices.findOne({ tenant, sku }, { projection: { _id: 0 } });
      if (!doc) throw { code: 404, message: `no price for ${sku}` };
      return doc;
    },

    async setPrice({ tenant, sku, cents }: PriceArgs & { cents: number }) {
      await prices.updateOne(
        { tenant, sku },
        { $set: { cents, updatedAt: new Date() } },
        { upsert: true },
      );
      return { ok: true };
    },

    async searchProducts({ tenant, q, limit = 20 }: SearchArgs) {
      const es = searchFor(tenant);
      const res = await es.search({
        index: 'products',
        size: Math.min(limit, 100),
        query: { multi_match: { query: q, fields: ['name^3', 'description'] } },
      });
      return res.hits.hits.map((h) => h._source);
    },
  };
}
