import Homey from 'homey';
import { Pool } from 'pg';
import { openTariffDb } from './lib/tariffs';

type ReadingArgs = { meter: string; kwh: number };
type PriceArgs = { zone: string; threshold: number };

class EnergyLoggerApp extends Homey.App {
  private pool!: Pool;

  async onInit(): Promise<void> {
    this.pool = new Pool({
      connectionString: this.homey.settings.get('databaseUrl'),
      max: 4,
      idleTimeoutMillis: 30_000,
    });

    const logReading = this.homey.flow.getActionCard('log_meter_reading');
    logReading.registerRunListener(async (args: ReadingArgs) => {
      await this.recordReading(args.meter, args.kwh);
      return true;
    });

    const priceAbove = this.homey.flow.getConditionCard('price_above');
    priceAbove.registerRunListener(async (args: PriceArgs) => {
      const tariffs = openTariffDb(this.homey.settings.get('tariffDatabaseUrl'));
      const price = await tariffs.currentPrice(args.zone);
      this.log(`price in ${args.zone} is ${price}`);
      return price > args.threshold;
    });

    this.log('Energy logger has been initialized');
  }

  async recordReading(meter: string, kwh: number): Promise<void> {
    const client = await this.pool.connect();
    await client.query('BEGIN');
    await client.query(
      'INSERT INTO readings (meter_id, kwh, taken_at) VALUES ($1, $2, now())',
      [meter, kwh],
    );
    await client.query('UPDATE meters SET last_kwh = $2, updated_at = now() WHERE id = $1', [meter, kwh]);
    await client.query('COMMIT');
    client.release();
  }

  async latestReading(meter: string): Promise<number | null> {
    const { rows } = await this.pool.query('SELECT last_kwh FROM meters WHERE id = $1', [meter]);
    return rows.length ? Number(rows[0].last_kwh) : null;
  }

  async onUninit(): Promise<void> {
    await this.pool.end();
  }
}

module.exports = EnergyLoggerApp;
