import mariadb from "mariadb";

// Each process (web, projector, rebuild script) calls this exactly once at start-up.
export function createPool(role: "web" | "projector" | "rebuild"): mariadb.Pool {
  return mariadb.createPool({
    host: process.env.MARIADB_HOST ?? "localhost",
    port: Number(process.env.MARIADB_PORT ?? 3306),
    user: process.env.MARIADB_USER ?? "projections",
    password: process.env.MARIADB_PASSWORD,
    database: process.env.MARIADB_DATABASE ?? "read_models",
    connectionLimit: role === "web" ? 10 : 4,
    acquireTimeout: 10_000,
    idleTimeout: 60,
    bigIntAsNumber: true,
  });
}

export interface AccountView {
  id: string;
  owner: string;
  balance_cents: number;
  status: "open" | "frozen" | "closed";
  version: number;
}
