import { Redis } from 'ioredis';

export const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/2', {
  maxRetriesPerRequest: 2,
  lazyConnect: false,
});

export const stockKey = (sku: string, warehouse: string) => `stock:${warehouse}:${sku}`;
