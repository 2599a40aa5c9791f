import sql from "mssql";
import { dbConfig } from "./db.js";

const STATEMENTS = [
  `IF OBJECT_ID('dbo.access_log', 'U') IS NULL
   CREATE TABLE dbo.access_log (
     id BIGINT IDENTITY PRIMARY KEY,
     ts DATETIME2 NOT NULL,
     method VARCHAR(8) NOT NULL,
     path NVARCHAR(400) NOT NULL,
     status SMALLINT NOT NULL,
     bytes BIGINT NOT NULL,
     duration_ms INT NOT NULL
   )`,
  `IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE name = 'ix_access_log_ts')
   CREATE INDEX ix_access_log_ts ON dbo.access_log (ts) INCLUDE (path, status, duration_ms)`,
];

async function migrate(): Promise<void> {
  const pool = new sql.ConnectionPool(dbConfig());
  await pool.connect();
  try {
    for (const stmt of STATEMENTS) {
      await pool.request().batch(stmt);
    }
    console.log(`applied ${STATEMENTS.length} statements`);
  } finally {
    await pool.close();
  }
}

migrate().catch((err) => {
  console.error(err);
  process.exit(1);
});
