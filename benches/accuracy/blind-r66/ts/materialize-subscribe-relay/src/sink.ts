import { Redis } from 'ioredis';

export interface Diff {
  ts: string;
  diff: number;
  sku: string;
  warehouse: string;
  available: number;
}

export function makeSink(redis: Redis, stream = 'inventory:low_stock') {
  return {
    async write(diffs: Diff[]): Promise<void> {
      if (!diffs.length) return;
      const tx = redis.multi();
      for (const d of diffs) {
        tx.xadd(stream, 'MAXLEN', '~', '100000', '*', 'ts', d.ts, 'diff', String(d.diff),
          'sku', d.sku, 'warehouse', d.warehouse, 'available', String(d.available));
      }
      tx.set('inventory:low_stock:frontier', diffs[diffs.length - 1].ts);
      await tx.exec();
    },
    async frontier(): Promise<string | null> {
      return redis.get('inventory:low_stock:frontier');
    },
  };
}
