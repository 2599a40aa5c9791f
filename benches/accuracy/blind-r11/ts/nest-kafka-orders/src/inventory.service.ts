import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { createRedis, REDIS } from './redis.factory';

const RESERVE_SCRIPT = `
local have = tonumber(redis.call('GET', KEYS[1]) or '0')
if have >= tonumber(ARGV[1]) then
  redis.call('DECRBY', KEYS[1], ARGV[1])
  return 1
end
return 0`;

@Injectable()
export class InventoryService {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async available(sku: string): Promise<number> {
    return Number((await this.redis.get(`stock:${sku}`)) ?? 0);
  }

  async reserve(sku: string, qty: number): Promise<boolean> {
    const redis = createRedis();
    try {
      const res = await redis.eval(RESERVE_SCRIPT, 1, `stock:${sku}`, String(qty));
      return res === 1;
    } finally {
      await redis.quit();
    }
  }
}
