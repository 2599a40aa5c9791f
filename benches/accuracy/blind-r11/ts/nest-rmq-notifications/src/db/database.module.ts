import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import { MongoClient } from 'mongodb';
import { createMongo, createPgPool } from './factories';
import { MONGO, PG_POOL } from './tokens';

@Global()
@Module({
  providers: [
    { provide: PG_POOL, useFactory: createPgPool },
    { provide: MONGO, useFactory: createMongo },
  ],
  exports: [PG_POOL, MONGO],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(MONGO) private readonly mongo: MongoClient,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.pool.end(), this.mongo.close()]);
  }
}
