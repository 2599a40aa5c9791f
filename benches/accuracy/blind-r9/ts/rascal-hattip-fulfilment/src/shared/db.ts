import postgres from 'postgres';

// Factory used by each entry point (web, worker, scripts). Every entry point is its own
// process and calls this exactly once at start-up.
export function createSql(appName: string, max = 10) {
  return postgres(process.env.DATABASE_URL ?? 'postgres://fulfil:fulfil@localhost:5432/fulfil', {
    max,
    idle_timeout: 30,
    connection: { application_name: appName },
  });
}

export type Sql = ReturnType<typeof createSql>;
