import { Controller, Tag } from 'ethernet-ip';
import { closeDb } from './db';
import { record, startFlushing, stopFlushing } from './historian';
import { evaluate, closeAlarms } from './alarms';

const PLC_IP = process.env.PLC_IP ?? '10.20.1.10';
const PLC_SLOT = Number(process.env.PLC_SLOT ?? 0);

const TAGS = [
  'Line1_OvenTemp',
  'Line1_BeltSpeed',
  'Line1_Count',
  'Line2_OvenTemp',
  'Line2_Pressure',
  'Line2_Count',
  'Line2_Running',
];

const PLC = new Controller();
for (const name of TAGS) {
  PLC.subscribe(new Tag(name));
}

PLC.forEach((tag) => {
  tag.on('Initialized', (t) => {
    console.log(`[plc] ${t.name} initialised = ${t.value}`);
    record(t.name, t.value);
  });

  tag.on('Changed', (t, previous) => {
    record(t.name, t.value);
    if (typeof t.value === 'number') {
      evaluate(t.name, t.value).catch((err) => {
        console.error(`[alarms] ${t.name} ${previous} -> ${t.value} failed`, err);
      });
    }
  });
});

async function main(): Promise<void> {
  await PLC.connect(PLC_IP, PLC_SLOT);
  console.log(`[plc] connected to ${PLC.properties.name} at ${PLC_IP}`);
  startFlushing();
  PLC.scan_rate = 250;
  PLC.scan();
}

async function shutdown(signal: string): Promise<void> {
  console.log(`[main] ${signal}, stopping`);
  PLC.pauseScan();
  PLC.destroy();
  await stopFlushing();
  await Promise.all([closeDb(), closeAlarms()]);
  process.exit(0);
}

process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

main().catch((err) => {
  console.error('[main] fatal', err);
  process.exit(1);
});
