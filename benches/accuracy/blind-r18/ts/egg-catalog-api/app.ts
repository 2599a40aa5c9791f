import type { Application, IBoot } from 'egg';
import mysql from 'mysql2/promise';

export default class AppBootHook implements IBoot {
  constructor(private readonly app: Application) {}

  async didLoad() {
    // Black Friday 2023: requests were queueing on the pool, so it was raised.
    this.app.catalogPool = mysql.createPool({
      ...this.app.config.catalogDb,
      waitForConnections: true,
      connectionLimit: 150,
      maxIdle: 20,
      idleTimeout: 60_000,
      queueLimit: 0,
    });
  }

  async willReady() {
    await this.app.catalogPool.query('SELECT 1');
  }

  async beforeClose() {
    await this.app.catalogPool.end();
  }
}
