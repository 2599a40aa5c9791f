import Homey from 'homey';
import { MongoClient } from 'mongodb';

interface P1Telegram {
  active_power_w: number;
  total_power_import_kwh: number;
  total_power_export_kwh: number;
  active_tariff: number;
}

// Meter history lives in the same Atlas cluster as lib/store.ts.
const mongo = new MongoClient(Homey.env.MONGODB_URI, {
  appName: 'voltwise-homey-meter',
  maxPoolSize: 10,
});

class MeterDevice extends Homey.Device {
  private pollTimer?: NodeJS.Timeout;

  async onInit(): Promise<void> {
    this.log('P1 meter initialised', this.getName());

    this.registerCapabilityListener('onoff', async (value: boolean) => {
      await this.setSettings({ logging_enabled: value });
      this.log('Logging toggled', value);
    });

    const intervalSec = Number(this.getSetting('poll_interval')) || 10;
    this.pollTimer = this.homey.setInterval(() => {
      this.poll().catch((err) => this.error('poll failed', err));
    }, intervalSec * 1000);
  }

  private async fetchTelegram(): Promise<P1Telegram> {
    const address = this.getStoreValue('address') as string;
    const res = await fetch(`http://${address}/api/v1/data`, { signal: AbortSignal.timeout(5000) });
    if (!res.ok) throw new Error(`meter answered ${res.status}`);
    return (await res.json()) as P1Telegram;
  }

  private async poll(): Promise<void> {
    const telegram = await this.fetchTelegram();
    await this.setCapabilityValue('measure_power', telegram.active_power_w);
    await this.setCapabilityValue('meter_power', telegram.total_power_import_kwh);

    if (!this.getCapabilityValue('onoff')) return;

    const db = mongo.db(Homey.env.MONGODB_DB ?? 'energy');
    const session = mongo.startSession();
    await session.withTransaction(async () => {
      await db.collection('meter_history').insertOne(
        {
          deviceId: this.getData().id,
          importKWh: telegram.total_power_import_kwh,
          exportKWh: telegram.total_power_export_kwh,
          tariff: telegram.active_tariff,
          at: new Date(),
        },
        { session },
      );
      await db.collection('meter_latest').updateOne(
        { deviceId: this.getData().id },
        { $set: { powerW: telegram.active_power_w, at: new Date() } },
        { upsert: true, session },
      );
    });
  }

  async onDeleted(): Promise<void> {
    if (this.pollTimer) this.homey.clearInterval(this.pollTimer);
    this.log('P1 meter removed');
  }
}

module.exports = MeterDevice;
