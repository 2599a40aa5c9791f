import * as utils from '@iobroker/adapter-core';
import mysql from 'mysql2/promise';
import { createClient } from 'redis';
import { exportDay } from './lib/archive';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace ioBroker {
    interface AdapterConfig {
      mysqlHost: string;
      mysqlPort: number;
      mysqlUser: string;
      mysqlPassword: string;
      mysqlDatabase: string;
      watchPattern: string;
      alarmThreshold: number;
      redisUrl: string;
      s3Region: string;
      s3Bucket: string;
      s3Prefix: string;
    }
  }
}

class Plantlog extends utils.Adapter {
  private pool: mysql.Pool | undefined;

  public constructor(options: Partial<utils.AdapterOptions> = {}) {
    super({ ...options, name: 'plantlog' });
    this.on('ready', this.onReady.bind(this));
    this.on('stateChange', this.onStateChange.bind(this));
    this.on('message', this.onMessage.bind(this));
    this.on('unload', this.onUnload.bind(this));
  }

  private async onReady(): Promise<void> {
    await this.setStateAsync('info.connection', false, true);
    this.pool = mysql.createPool({
      host: this.config.mysqlHost,
      port: this.config.mysqlPort,
      user: this.config.mysqlUser,
      password: this.config.mysqlPassword,
      database: this.config.mysqlDatabase,
      connectionLimit: 200,
      waitForConnections: true,
      enableKeepAlive: true,
    });
    await this.pool.query('SELECT 1');
    await this.setStateAsync('info.connection', true, true);
    this.subscribeForeignStates(this.config.watchPattern || 'modbus.0.holdingRegisters.*');
    this.log.info(`logging ${this.config.watchPattern} to ${this.config.mysqlHost}`);
  }

  private async onStateChange(id: string, state: ioBroker.State | null | undefined): Promise<void> {
    if (!state || !this.pool) {
      return;
    }
    const value = Number(state.val);
    await this.pool.execute('INSERT INTO readings (state_id, ts, val, ack) VALUES (?, FROM_UNIXTIME(? / 1000), ?, ?)', [
      id,
      state.ts,
      Number.isFinite(value) ? value : null,
      state.ack ? 1 : 0,
    ]);

    if (Number.isFinite(value) && value >= this.config.alarmThreshold) {
      const redis = createClient({ url: this.config.redisUrl });
      redis.on('error', (err) => this.log.warn(`redis: ${err}`));
      await redis.connect();
      await redis.publish('plant:alarms', JSON.stringify({ id, value, ts: state.ts, from: this.namespace }));
      await this.setForeignStateAsync(`${this.namespace}.lastAlarm`, { val: id, ack: true });
    }
  }

  private async onMessage(obj: ioBroker.Message): Promise<void> {
    if (typeof obj !== 'object' || !obj.message || !this.pool) {
      return;
    }
    const msg = obj.message as { stateId?: string; since?: number; day?: string };

    if (obj.command === 'history') {
      const conn = await this.pool.getConnection();
      const [rows] = await conn.query(
        'SELECT UNIX_TIMESTAMP(ts) * 1000 AS ts, val FROM readings WHERE state_id = ? AND ts >= FROM_UNIXTIME(? / 1000) ORDER BY ts',
        [msg.stateId, msg.since ?? Date.now() - 86_400_000],
      );
      if (obj.callback) {
        this.sendTo(obj.from, obj.command, { result: rows }, obj.callback);
      }
    } else if (obj.command === 'export') {
      try {
        const key = await exportDay(this.pool, this.config, msg.day ?? new Date().toISOString().slice(0, 10));
        if (obj.callback) this.sendTo(obj.from, obj.command, { key }, obj.callback);
      } catch (err) {
        this.log.error(`export failed: ${err}`);
        if (obj.callback) this.sendTo(obj.from, obj.command, { error: String(err) }, obj.callback);
      }
    }
  }

  private onUnload(callback: () => void): void {
    this.pool
      ?.end()
      .catch((err) => this.log.warn(`pool end: ${err}`))
      .finally(() => callback());
  }
}

if (require.main !== module) {
  module.exports = (options: Partial<utils.AdapterOptions> | undefined) => new Plantlog(options);
} else {
  (() => new Plantlog())();
}
