import { Pool } from "pg";

// Each Electron process (main, indexer utility process) calls this once at start-up.
export function createPool(max: number): Pool {
  return new Pool({
    connectionString: process.env.DOCINDEX_DATABASE_URL ?? "postgres://docindex@localhost:5432/docindex",
    max,
    idleTimeoutMillis: 60_000,
  });
}

export interface IndexRequest {
  kind: "index";
  path: string;
}

export interface IndexResult {
  kind: "indexed";
  path: string;
  words: number;
}
