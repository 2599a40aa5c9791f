// Hourly health check for the reporting replica. The replica is sometimes
// restarting after a base backup, so give it a few tries before failing the job.
import { Client } from "pg";

type Postgresql = {
  host: string;
  port: number;
  user: string;
  dbname: string;
  sslmode: string;
  password: string;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function main(replica: Postgresql, max_lag_seconds = 300, attempts = 5) {
  let client: Client | undefined;

  for (let attempt = 1; attempt <= attempts; attempt++) {
    const candidate = new Client({
      host: replica.host,
      port: replica.port,
      user: replica.user,
      password: replica.password,
      database: replica.dbname,
      connectionTimeoutMillis: 5_000,
    });
    try {
      await candidate.connect();
      client = candidate;
      break;
    } catch (err) {
      await candidate.end().catch(() => undefined);
      console.log(`attempt ${attempt}/${attempts} failed: ${(err as Error).message}`);
      if (attempt === attempts) throw err;
      await sleep(attempt * 2_000);
    }
  }

  try {
    const { rows } = await client!.query<{ lag_seconds: number | null }>(
      `SELECT EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp())::int AS lag_seconds`
    );
    const lag = rows[0].lag_seconds ?? 0;
    if (lag > max_lag_seconds) {
      throw new Error(`replica ${replica.host} is ${lag}s behind (limit ${max_lag_seconds}s)`);
    }
    return { host: replica.host, lag_seconds: lag };
  } finally {
    await client!.end();
  }
}
