import Bacnet from 'node-bacnet';
import { Pool } from 'pg';
import { closeAll, siteClickHouse } from './clickhouse';
import { makeRegistry, type Registry } from './registry';

const PRESENT_VALUE = 85;
const ANALOG_INPUT = 0;
const POINTS = [1, 2, 3, 4];

function onDeviceAnnounced(bacnet: any, registry: Registry) {
  return async (msg: any) => {
    const address: string = msg.header?.sender?.address;
    const { deviceId, vendorId } = msg.payload;
    const device = await registry.upsertDevice(deviceId, address, vendorId);
    if (!device?.siteId) return;

    const rows: Array<{ device_id: number; point: number; value: number; ts: string }> = [];
    for (const instance of POINTS) {
      const value = await new Promise<number | null>((resolve) => {
        bacnet.readProperty(address, { type: ANALOG_INPUT, instance }, PRESENT_VALUE, (err: Error | null, res: any) =>
          resolve(err ? null : Number(res.values?.[0]?.value)),
        );
      });
      if (value !== null && !Number.isNaN(value)) {
        rows.push({ device_id: deviceId, point: instance, value, ts: new Date().toISOString() });
      }
    }
    if (rows.length) {
      await siteClickHouse(device.siteId).insert({ table: 'point_samples', values: rows, format: 'JSONEachRow' });
    }
  };
}

async function main() {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 5 });
  const registry = makeRegistry(pool);
  const bacnet = new Bacnet({ apduTimeout: 6000, interface: process.env.BACNET_IFACE });

  const handle = onDeviceAnnounced(bacnet, registry);
  bacnet.on('iAm', (msg: any) => {
    handle(msg).catch((err) => console.error('iAm handling failed', err));
  });
  bacnet.on('error', (err: Error) => console.error('bacnet error', err));

  bacnet.whoIs();
  const sweep = setInterval(() => bacnet.whoIs(), 60_000);

  process.on('SIGTERM', async () => {
    clearInterval(sweep);
    bacnet.close();
    await closeAll();
    await pool.end();
    process.exit(0);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
