import pg from "pg";

export function openResultsDb(): pg.Pool {
  return new pg.Pool({
    connectionString: process.env.TEST_RESULTS_DATABASE_URL ?? "postgres://ci@localhost:5432/test_results",
    max: 4,
  });
}
