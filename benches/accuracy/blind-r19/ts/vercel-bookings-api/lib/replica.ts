import pg from "pg";

// Reporting queries go to the read replica. One small pool per function
// instance, created on first use and reused by later invocations.
let replica: pg.Pool | undefined;

export function replicaPool(): pg.Pool {
  if (!replica) {
    replica = new pg.Pool({
      connectionString: process.env.REPLICA_DATABASE_URL,
      max: 2,
      idleTimeoutMillis: 5_000,
    });
  }
  return replica;
}
