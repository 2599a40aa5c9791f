import * as sparkplug from 'sparkplug-client';
import pg from 'pg';
import { pool, readDeviceTags, tags } from './store';

const DEVICES = ['Filler01', 'Capper01', 'Labeler01'] as const;
const WRITABLE = new Set(['Setpoint/Speed', 'Setpoint/FillVolume', 'Setpoint/Torque']);

const client = sparkplug.newClient({
  serverUrl: process.env.MQTT_URL ?? 'tcp://mqtt.plant2.local:1883',
  username: process.env.MQTT_USER ?? 'edge',
  password: process.env.MQTT_PASSWORD ?? '',
  groupId: 'Plant2',
  edgeNode: 'Line4-Gateway',
  clientId: `line4-gw-${process.pid}`,
  publishDeath: true,
  version: 'spBv1.0',
});

function metricsFrom(values: Record<string, string>) {
  return Object.entries(values).map(([name, value]) => ({ name, value: Number(value), type: 'Float' as const }));
}

async function publishBirth(): Promise<void> {
  client.publishNodeBirth({
    timestamp: Date.now(),
    metrics: [{ name: 'Node Control/Rebirth', value: false, type: 'Boolean' }],
  });
  for (const device of DEVICES) {
    client.publishDeviceBirth(device, { timestamp: Date.now(), metrics: metricsFrom(await readDeviceTags(device)) });
  }
}

client.on('birth', () => {
  publishBirth().catch((err) => console.error('birth failed', err));
});

// Device command from the SCADA host, one per operator setpoint change.
client.on('dcmd', async (device, payload) => {
  const changes = (payload.metrics ?? []).filter((m) => m.name && WRITABLE.has(m.name));
  if (!changes.length) return;

  for (const m of changes) {
    await tags.hset(`line4:${device}:setpoints`, m.name!, String(m.value));
  }

  const audit = new pg.Client({ connectionString: process.env.HISTORIAN_URL });
  await audit.connect();
  await audit.query(
    'INSERT INTO setpoint_changes (device, metrics, received_at) VALUES ($1, $2, now())',
    [device, JSON.stringify(changes.map((m) => ({ name: m.name, value: m.value })))],
  );
  client.publishDeviceData(device, { timestamp: Date.now(), metrics: changes });
});

// Node command (rebirth / reboot requests from the host application).
client.on('ncmd', async (payload) => {
  const conn = await pool.connect();
  await conn.query('INSERT INTO node_commands (metrics, received_at) VALUES ($1, now())', [
    JSON.stringify(payload.metrics ?? []),
  ]);
  for (const m of payload.metrics ?? []) {
    if (m.name === 'Node Control/Rebirth' && m.value) {
      await publishBirth();
      return;
    }
    if (m.name === 'Node Control/Reboot' && m.value) {
      await conn.query("UPDATE edge_status SET last_reboot_request = now() WHERE node = 'Line4-Gateway'");
    }
  }
  conn.release();
});

// Report-by-exception is done by the PLC poller; here we send a 5 s snapshot.
setInterval(async () => {
  try {
    for (const device of DEVICES) {
      const values = await readDeviceTags(device);
      client.publishDeviceData(device, { timestamp: Date.now(), metrics: metricsFrom(values) });
      await pool.query('INSERT INTO line4_samples (device, values, sampled_at) VALUES ($1, $2, now())', [
        device,
        values,
      ]);
    }
  } catch (err) {
    console.error('snapshot failed', err);
  }
}, 5_000);

process.on('SIGTERM', async () => {
  client.stop();
  await pool.end();
  tags.disconnect();
  process.exit(0);
});
