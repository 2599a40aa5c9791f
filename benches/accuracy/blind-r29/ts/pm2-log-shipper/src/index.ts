import pm2 from 'pm2';
import { shipErrorLine } from './logs';
import { recordProcessEvent } from './events';

const SELF = process.env.name ?? 'log-shipper';

function connectPm2(): Promise<void> {
  return new Promise((resolve, reject) => {
    pm2.connect((err) => (err ? reject(err) : resolve()));
  });
}

async function main(): Promise<void> {
  await connectPm2();

  pm2.launchBus((err, bus) => {
    if (err) {
      console.error('[shipper] cannot attach to PM2 bus', err);
      process.exit(1);
    }

    // One packet per stderr line written by any managed process.
    bus.on('log:err', (packet: { process: { name: string; pm_id: number }; data: string; at: number }) => {
      if (packet.process.name === SELF) return;
      shipErrorLine(packet.process.name, packet.process.pm_id, packet.data, packet.at).catch((e) =>
        console.error('[shipper] clickhouse insert failed', e),
      );
    });

    // exit / restart / online / stop / restart overlimit ...
    bus.on('process:event', (packet: { event: string; process: { name: string; pm_id: number; restart_time: number; exit_code?: number }; at: number }) => {
      if (packet.process.name === SELF) return;
      recordProcessEvent(packet).catch((e) => console.error('[shipper] event write failed', e));
    });
  });

  console.log('[shipper] attached to PM2 bus');
}

process.on('SIGINT', () => {
  pm2.disconnect();
  process.exit(0);
});

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
