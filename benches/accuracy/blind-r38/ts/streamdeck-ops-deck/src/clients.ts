import pg from 'pg';

let rosterDb: pg.Pool | undefined;

// One small pool for the whole plugin process, created on first use.
export function getRosterDb(): pg.Pool {
  if (!rosterDb) {
    rosterDb = new pg.Pool({ connectionString: process.env.ROSTER_DATABASE_URL, max: 2 });
  }
  return rosterDb;
}
