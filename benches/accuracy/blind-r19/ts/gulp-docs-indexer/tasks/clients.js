import pg from "pg";
import { QdrantClient } from "@qdrant/js-client-rest";

// Module scope: created once per gulp process, shared by every watch event.
export const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL ?? "postgres://docs:docs@127.0.0.1:5432/docs",
  max: 4,
});

export const qdrant = new QdrantClient({
  url: process.env.QDRANT_URL ?? "http://127.0.0.1:6333",
  apiKey: process.env.QDRANT_API_KEY,
});

export async function closeClients() {
  await pool.end();
}
