import { Etcd3 } from 'etcd3';
import cassandra from 'cassandra-driver';

export function makeEtcd(): Etcd3 {
  return new Etcd3({
    hosts: (process.env.ETCD_HOSTS ?? 'http://127.0.0.1:2379').split(','),
    auth: process.env.ETCD_USER
      ? { username: process.env.ETCD_USER, password: process.env.ETCD_PASSWORD ?? '' }
      : undefined,
  });
}

export function makeCassandra(): cassandra.Client {
  return new cassandra.Client({
    contactPoints: (process.env.CASSANDRA_HOSTS ?? '127.0.0.1').split(','),
    localDataCenter: process.env.CASSANDRA_DC ?? 'dc1',
    keyspace: 'feature_flags',
    pooling: { coreConnectionsPerHost: { [cassandra.types.distance.local]: 2 } },
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Start-up only: keep trying until the cluster answers, then hand back the connected client. */
export async function connectCassandraWithRetry(maxAttempts = 12): Promise<cassandra.Client> {
  let lastErr: unknown;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const client = makeCassandra();
    try {
      await client.connect();
      return client;
    } catch (err) {
      lastErr = err;
      await client.shutdown().catch(() => {});
      console.warn(`cassandra not reachable (attempt ${attempt}/${maxAttempts})`);
      await sleep(5_000);
    }
  }
  throw lastErr;
}
