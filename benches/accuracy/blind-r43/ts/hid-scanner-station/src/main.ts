import HID from 'node-hid';
import { connectPool, connectRedis } from './clients.js';
import { makeDecoder } from './decoder.js';
import { makeScanHandler } from './scan-handler.js';

const VENDOR_ID = Number(process.env.SCANNER_VID ?? 0x05e0);
const PRODUCT_ID = Number(process.env.SCANNER_PID ?? 0x1200);

async function main(): Promise<void> {
  const pool = await connectPool();
  const redis = connectRedis();
  const stationId = process.env.STATION_ID ?? 'dock-1';

  let device: HID.HID | null = null;
  const beep = (ok: boolean) => device?.write([0x00, ok ? 0x01 : 0x02]);
  const onScan = makeScanHandler({ pool, redis, stationId, beep });
  const decode = makeDecoder((code) => {
    onScan(code).catch((err) => console.error('scan failed', code, err));
  });

  // The scanner gets unplugged during shift changes: reopen the HID device when it comes back.
  const openDevice = () => {
    try {
      device = new HID.HID(VENDOR_ID, PRODUCT_ID);
    } catch {
      setTimeout(openDevice, 3_000);
      return;
    }
    console.log('scanner attached');
    device.on('data', decode);
    device.on('error', (err: Error) => {
      console.warn('scanner detached', err.message);
      device?.close();
      device = null;
      setTimeout(openDevice, 3_000);
    });
  };
  openDevice();

  process.once('SIGTERM', async () => {
    device?.close();
    await Promise.allSettled([pool.end(), redis.quit()]);
    process.exit(0);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
