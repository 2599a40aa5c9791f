import type cassandra from 'cassandra-driver';

export function makeCompactAlerts(client: cassandra.Client) {
  return async function compactAlerts(): Promise<void> {
    const day = new Date().toISOString().slice(0, 10);
    const rs = await client.execute(
      'SELECT device_id, metric, max(value) AS peak FROM readings WHERE day = ? GROUP BY device_id, metric ALLOW FILTERING',
      [day],
      { prepare: true, fetchSize: 500 },
    );
    for (const row of rs.rows) {
      if (row.peak > 90) {
        await client.execute('INSERT INTO alerts (day, device_id, metric, peak) VALUES (?, ?, ?, ?)', [day, row.device_id, row.metric, row.peak], {
          prepare: true,
        });
      }
    }
  };
}
