import { BasePlugin } from 'appium/plugin';
import Redis from 'ioredis';
import { farmDb, releaseLease } from './farm-db';

type Next = () => Promise<any>;

const SLOW_COMMAND_MS = Number(process.env.AUDIT_SLOW_MS ?? 2500);

export class CommandAuditPlugin extends BasePlugin {
  // Runs once for every new WebDriver session requested from the farm.
  async createSession(next: Next, driver: any, jwpDesCaps: any, jwpReqCaps: any, caps: any) {
    const always = caps?.alwaysMatch ?? {};
    const udid: string | undefined = always['appium:udid'];
    const team: string = always['farm:team'] ?? 'unknown';
    if (!udid) return next();

    const client = await farmDb.connect();
    await client.query('BEGIN');
    const { rows } = await client.query(
      'SELECT id, quarantined, leased_by FROM devices WHERE udid = $1 FOR UPDATE',
      [udid],
    );
    if (!rows.length || rows[0].quarantined) {
      this.logger.warn(`device ${udid} is unknown or quarantined; passing through`);
      return next();
    }

    const result = await next();
    const sessionId: string = result?.[0] ?? result?.value?.[0];
    await client.query(
      'UPDATE devices SET leased_by = $2, leased_at = now(), lease_count = lease_count + 1, team = $3 WHERE id = $1',
      [rows[0].id, sessionId, team],
    );
    await client.query('COMMIT');
    client.release();
    return result;
  }

  async deleteSession(next: Next, driver: any, sessionId: string) {
    try {
      return await next();
    } finally {
      await releaseLease(sessionId).catch((err) => this.logger.error(`lease release failed: ${err}`));
    }
  }

  // Called for every command the Appium server routes through this plugin.
  async handle(next: Next, driver: any, cmdName: string, ...args: any[]) {
    const started = Date.now();
    let failed = false;
    try {
      return await next();
    } catch (err) {
      failed = true;
      throw err;
    } finally {
      const elapsed = Date.now() - started;
      const stats = new Redis(process.env.AUDIT_REDIS_URL ?? 'redis://127.0.0.1:6379');
      const key = `appium:cmd:${cmdName}`;
      await stats
        .multi()
        .hincrby(key, 'count', 1)
        .hincrby(key, 'totalMs', elapsed)
        .hincrby(key, 'failures', failed ? 1 : 0)
        .exec();
      if (elapsed > SLOW_COMMAND_MS) {
        this.logger.info(`slow command ${cmdName} took ${elapsed}ms (${args.length} args)`);
      }
    }
  }
}
