import cassandra from 'cassandra-driver';

export function buildClient(): cassandra.Client {
  return new cassandra.Client({
    contactPoints: (process.env.CASSANDRA_HOSTS ?? '127.0.0.1').split(','),
    localDataCenter: process.env.CASSANDRA_DC ?? 'datacenter1',
    keyspace: 'telemetry',
    pooling: { coreConnectionsPerHost: { [cassandra.types.distance.local]: 2 } },
  });
}

export async function connectWithRetry(client: cassandra.Client, maxAttempts = 8): Promise<void> {
  let attempt = 0;
  while (true) {
    attempt++;
    try {
      await client.connect();
      return;
    } catch (err) {
      if (attempt >= maxAttempts) throw err;
      const delay = Math.min(30_000, 1000 * 2 ** attempt);
      console.warn(`cassandra unavailable, retry ${attempt}/${maxAttempts} in ${delay}ms`);
      await new Promise(r => setTimeout(r, delay));
    }
  }
}
