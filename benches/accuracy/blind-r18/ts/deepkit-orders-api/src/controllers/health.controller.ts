import { http } from '@deepkit/http';
import { Redis } from 'ioredis';
import { Database } from '../database';

@http.controller('/health')
export class HealthController {
  constructor(private readonly db: Database, private readonly redis: Redis) {}

  @http.GET('')
  async check() {
    const [db, redis] = await Promise.allSettled([this.db.query('SELECT 1'), this.redis.ping()]);
    return { db: db.status === 'fulfilled', redis: redis.status === 'fulfilled' };
  }
}
