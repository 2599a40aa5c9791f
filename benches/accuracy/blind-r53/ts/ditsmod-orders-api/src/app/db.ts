import { injectable, Req } from '@ditsmod/core';
import knex, { Knex } from 'knex';
import { regionFrom } from './app.module.js';

const WAREHOUSE_URLS: Record<string, string | undefined> = {
  eu: process.env.WAREHOUSE_EU_URL,
  us: process.env.WAREHOUSE_US_URL,
  apac: process.env.WAREHOUSE_APAC_URL,
};

let shared: Knex | undefined;

/** Orders database. Registered in providersPerApp. */
@injectable()
export class AppDb {
  readonly knex: Knex;

  constructor() {
    shared ??= knex({
      client: 'pg',
      connection: process.env.DATABASE_URL,
      pool: { min: 0, max: 10 },
    });
    this.knex = shared;
  }

  static async shutdown(): Promise<void> {
    await shared?.destroy();
    shared = undefined;
  }
}

/** Read-only regional warehouse replica. Registered in providersPerReq. */
@injectable()
export class WarehouseDb {
  readonly knex: Knex;
  readonly region: string;

  constructor(req: Req) {
    this.region = regionFrom(req.nodeReq.headers['x-region']);
    this.knex = knex({
      client: 'pg',
      connection: WAREHOUSE_URLS[this.region] ?? WAREHOUSE_URLS.eu,
      pool: { min: 0, max: 4 },
      acquireConnectionTimeout: 5_000,
    });
  }
}
