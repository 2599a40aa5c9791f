import { Client } from 'ads-client';

import { checkLimit, closeAlarms, type AlarmLimit } from './alarms';
import { closeHistory, storeSample } from './history';

const LIMITS: AlarmLimit[] = [
  { tag: 'GVL_Line1.OvenTemperature', high: 245, low: 180 },
  { tag: 'GVL_Line1.ConveyorSpeed', high: 1.8, low: 0.4 },
  { tag: 'GVL_Line1.HydraulicPressure', high: 210, low: 150 },
];

async function main() {
  const plc = new Client({
    targetAmsNetId: process.env.PLC_AMS_NET_ID ?? '192.168.10.20.1.1',
    targetAdsPort: 851,
    localAmsNetId: process.env.LOCAL_AMS_NET_ID ?? '192.168.10.5.1.1',
    localAdsPort: 32750,
    routerAddress: process.env.PLC_HOST ?? '192.168.10.20',
    routerTcpPort: 48898,
  });
  await plc.connect();

  for (const limit of LIMITS) {
    // The callback fires every time the PLC value changes (at most every 500 ms).
    await plc.subscribeValue<number>(
      limit.tag,
      async (data) => {
        try {
          await storeSample(limit.tag, data.value, data.timestamp);
          await checkLimit(limit, data.value, data.timestamp);
        } catch (err) {
          console.error(`failed to process ${limit.tag}`, err);
        }
      },
      500,
    );
  }
  console.log(`subscribed to ${LIMITS.length} symbols`);

  const shutdown = async () => {
    await plc.unsubscribeAll();
    await plc.disconnect();
    await Promise.all([closeHistory(), closeAlarms()]);
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
