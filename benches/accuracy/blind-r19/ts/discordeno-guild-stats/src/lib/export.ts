import createConnectionPool from "@databases/pg";

// Exports run a long COPY-style scan; keep them off the main pool.
export function openExportPool() {
  return createConnectionPool({
    connectionString: process.env.DATABASE_URL,
    bigIntMode: "string",
    poolSize: 2,
  });
}
