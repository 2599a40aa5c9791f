import { createHash } from "node:crypto";
import { Pool } from "pg";

const keysDb = new Pool({ connectionString: process.env.DATABASE_URL, max: 5 });

export interface ApiKey {
  id: string;
  monthlyLimit: number;
}

export async function authenticate(header: string | undefined): Promise<ApiKey | null> {
  if (!header?.startsWith("Bearer ")) return null;
  const digest = createHash("sha256").update(header.slice(7)).digest("hex");
  const { rows } = await keysDb.query(
    "select id, monthly_limit from api_keys where key_sha256 = $1 and revoked_at is null",
    [digest],
  );
  if (rows.length === 0) return null;
  return { id: rows[0].id, monthlyLimit: rows[0].monthly_limit };
}
