import Homey from 'homey';
import { MongoClient } from 'mongodb';

class ThermostatDevice extends Homey.Device {
  private pollTimer?: NodeJS.Timeout;

  async onInit(): Promise<void> {
    this.registerCapabilityListener('target_temperature', async (value: number) => {
      await this.callDevice('PUT', '/setpoint', { celsius: value });

      const mongo = new MongoClient(this.homey.settings.get('mongoUrl'));
      await mongo.connect();
      await mongo.db('homey').collection('setpoints').insertOne({
        device: this.getData().id,
        celsius: value,
        at: new Date(),
      });
    });

    this.registerCapabilityListener('thermostat_mode', async (mode: string) => {
      await this.callDevice('PUT', '/mode', { mode });
    });

    this.pollTimer = this.homey.setInterval(() => {
      this.refresh().catch((err) => this.error('refresh failed', err));
    }, 60_000);
  }

  private async refresh(): Promise<void> {
    const state = (await this.callDevice('GET', '/state')) as { celsius: number };
    await this.setCapabilityValue('measure_temperature', state.celsius);
  }

  private async callDevice(method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`http://${this.getStore().address}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`thermostat responded ${res.status}`);
    return res.status === 204 ? null : res.json();
  }

  async onDeleted(): Promise<void> {
    if (this.pollTimer) this.homey.clearInterval(this.pollTimer);
  }
}

module.exports = ThermostatDevice;
