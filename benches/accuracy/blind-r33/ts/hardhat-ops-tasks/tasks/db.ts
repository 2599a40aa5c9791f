import { Client, Pool } from "pg";

// Each hardhat task is a single CLI invocation: open, use, close.
export function openClient(): Client {
  return new Client({ connectionString: process.env.OPS_DATABASE_URL });
}

export function openPool(): Pool {
  return new Pool({ connectionString: process.env.OPS_DATABASE_URL, max: 4 });
}
