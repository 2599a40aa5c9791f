import { singleton } from 'tsyringe';
import { Pool } from 'pg';

@singleton()
export class Database {
  readonly pool = new Pool({
    connectionString: process.env.DATABASE_URL,
    max: 12,
  });

  async close(): Promise<void> {
    await this.pool.end();
  }
}
