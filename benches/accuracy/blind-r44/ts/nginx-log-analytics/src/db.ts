import sql from "mssql";

export function dbConfig(): sql.config {
  return {
    server: process.env.MSSQL_HOST ?? "localhost",
    port: Number(process.env.MSSQL_PORT ?? 1433),
    database: process.env.MSSQL_DB ?? "weblogs",
    user: process.env.MSSQL_USER ?? "weblogs",
    password: process.env.MSSQL_PASSWORD ?? "",
    pool: { max: 10, min: 0, idleTimeoutMillis: 30_000 },
    options: { encrypt: true, trustServerCertificate: process.env.NODE_ENV !== "production" },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Called once at process start by web.ts and tailer.ts (separate Procfile processes).
export async function createPool(role: string, attempts = 8): Promise<sql.ConnectionPool> {
  for (let i = 1; ; i++) {
    const pool = new sql.ConnectionPool({ ...dbConfig(), options: { ...dbConfig().options, appName: `weblogs-${role}` } });
    try {
      await pool.connect();
      return pool;
    } catch (err) {
      await pool.close().catch(() => undefined);
      if (i >= attempts) throw err;
      console.warn(`[${role}] SQL Server not reachable (attempt ${i}), retrying`);
      await sleep(1_000 * i);
    }
  }
}
