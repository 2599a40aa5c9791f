// Operator tool: re-run alert compaction for a past day.
// Usage: npm run replay -- 2024-05-01
import { buildClient } from '../cassandra.js';

async function replay(day: string) {
  const client = buildClient();
  await client.connect();
  try {
    const rs = await client.execute('SELECT device_id, metric, value FROM readings WHERE day = ? ALLOW FILTERING', [day], {
      prepare: true,
    });
    let alerts = 0;
    for (const row of rs.rows) {
      if (row.value > 90) {
        await client.execute('INSERT INTO alerts (day, device_id, metric, peak) VALUES (?, ?, ?, ?)', [day, row.device_id, row.metric, row.value], {
          prepare: true,
        });
        alerts++;
      }
    }
    console.log(`${day}: wrote ${alerts} alerts`);
  } finally {
    await client.shutdown();
  }
}

const day = process.argv[2];
if (!day) {
  console.error('usage: replay-day <YYYY-MM-DD>');
  process.exit(2);
}
await replay(day);
