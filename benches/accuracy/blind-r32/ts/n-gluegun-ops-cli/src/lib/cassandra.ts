import cassandra from "cassandra-driver";
import { setTimeout as sleep } from "node:timers/promises";

export function makeClient(): cassandra.Client {
  return new cassandra.Client({
    contactPoints: (process.env.CASSANDRA_HOSTS ?? "127.0.0.1").split(","),
    localDataCenter: process.env.CASSANDRA_DC ?? "dc1",
    keyspace: process.env.CASSANDRA_KEYSPACE ?? "events",
    credentials: process.env.CASSANDRA_USER
      ? { username: process.env.CASSANDRA_USER, password: process.env.CASSANDRA_PASSWORD ?? "" }
      : undefined,
  });
}

// Used by long-running commands: keep trying until the cluster answers, then hand back the client.
export async function connectWithRetry(maxAttempts = 20): Promise<cassandra.Client> {
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const client = makeClient();
    try {
      await client.connect();
      return client;
    } catch (err) {
      await client.shutdown().catch(() => undefined);
      if (attempt === maxAttempts) throw err;
      await sleep(2000 * attempt);
    }
  }
  throw new Error("unreachable");
}
