import { Config } from '@foal/core';
import { Redis } from 'ioredis';

export class Cache {
  private client!: Redis;

  // Called once by createApp() before the server starts listening.
  boot(): void {
    this.client = new Redis(Config.get('redis.url', 'string', 'redis://localhost:6379'), {
      keyPrefix: 'orders:',
    });
  }

  async getJson<T>(key: string): Promise<T | undefined> {
    const raw = await this.client.get(key);
    return raw ? (JSON.parse(raw) as T) : undefined;
  }

  async setJson(key: string, value: unknown, ttlSeconds = 60): Promise<void> {
    await this.client.set(key, JSON.stringify(value), 'EX', ttlSeconds);
  }

  async invalidate(key: string): Promise<void> {
    await this.client.del(key);
  }

  disconnect(): void {
    this.client.disconnect();
  }
}
