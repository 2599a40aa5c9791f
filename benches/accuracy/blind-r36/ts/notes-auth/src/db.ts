import { Pool } from "pg";

// Application data (notes, notebooks). Same Postgres database as the auth tables.
export const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: 10,
  idleTimeoutMillis: 30_000,
});

export interface NoteRow {
  id: string;
  user_id: string;
  title: string;
  body: string;
  updated_at: Date;
}
