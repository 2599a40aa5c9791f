import * as utils from '@iobroker/adapter-core';
import type { Pool } from 'pg';
import { Pool as HttpPool } from 'undici';
import { connectWithRetry } from './lib/db';

class HeatpumpHistory extends utils.Adapter {
  private db?: Pool;
  private pump?: HttpPool;
  private pollTimer?: ioBroker.Interval;

  public constructor(options: Partial<utils.AdapterOptions> = {}) {
    super({ ...options, name: 'heatpump-history' });
    this.on('ready', this.onReady.bind(this));
    this.on('stateChange', this.onStateChange.bind(this));
    this.on('unload', this.onUnload.bind(this));
  }

  private async onReady(): Promise<void> {
    this.db = await connectWithRetry(this.config.databaseUrl, (msg) => this.log.warn(msg));
    this.pump = new HttpPool(`http://${this.config.pumpHost}`, { connections: 1, keepAliveTimeout: 60_000 });

    this.subscribeStates('setpoint');
    await this.subscribeForeignStatesAsync(this.config.watchedPattern);

    this.pollTimer = this.setInterval(() => {
      this.pollPump().catch((err) => this.log.error(`pump poll failed: ${err}`));
    }, this.config.pollSeconds * 1000);
    await this.setState('info.connection', true, true);
  }

  private async pollPump(): Promise<void> {
    const { body } = await this.pump!.request({ path: '/api/v1/status', method: 'GET' });
    const status = (await body.json()) as { flowTemp: number; returnTemp: number; compressorHz: number };
    await this.setStateAsync('flowTemperature', status.flowTemp, true);
    await this.db!.query(
      'INSERT INTO pump_samples (flow_c, return_c, compressor_hz, taken_at) VALUES ($1, $2, $3, now())',
      [status.flowTemp, status.returnTemp, status.compressorHz],
    );
  }

  private async onStateChange(id: string, state: ioBroker.State | null | undefined): Promise<void> {
    if (!state || !this.db || !this.pump) return;

    if (id === `${this.namespace}.setpoint`) {
      if (state.ack) return;
      await this.pump.request({
        path: '/api/v1/setpoint',
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ flowTemp: state.val }),
      });
      await this.setStateAsync('setpoint', state.val, true);
      return;
    }

    const client = await this.db.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        'INSERT INTO room_temperatures (state_id, celsius, taken_at) VALUES ($1, $2, to_timestamp($3 / 1000.0))',
        [id, state.val, state.ts],
      );
      await client.query('UPDATE rooms SET last_celsius = $2 WHERE state_id = $1', [id, state.val]);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK');
      this.log.warn(`could not store ${id}: ${err}`);
    } finally {
      client.release();
    }
  }

  private onUnload(callback: () => void): void {
    try {
      if (this.pollTimer) this.clearInterval(this.pollTimer);
      Promise.allSettled([this.db?.end(), this.pump?.close()]).finally(() => callback());
    } catch {
      callback();
    }
  }
}

if (require.main !== module) {
  module.exports = (options: Partial<utils.AdapterOptions> | undefined) => new HeatpumpHistory(options);
} else {
  (() => new HeatpumpHistory())();
}
