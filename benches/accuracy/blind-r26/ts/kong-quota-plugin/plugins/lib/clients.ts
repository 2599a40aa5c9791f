import postgres from 'postgres';
import Redis from 'ioredis';

// Quota ledger lives in Supabase; Kong nodes reach it through the transaction pooler.
const QUOTA_DB_URL =
  process.env.QUOTA_DB_URL ??
  'postgres://postgres.kongquota:secret@aws-0-eu-central-1.pooler.supabase.com:6543/postgres';

export const sql = postgres(QUOTA_DB_URL, {
  max: 5,
  idle_timeout: 30,
  connect_timeout: 5,
});

export interface KeyPlan {
  key_id: string;
  plan: string;
  monthly_quota: number;
  customer_id: string;
}

export async function lookupKey(apiKey: string): Promise<KeyPlan | undefined> {
  const rows = await sql<KeyPlan[]>`
    select k.id as key_id, p.name as plan, p.monthly_quota, k.customer_id
      from api_keys k join plans p on p.id = k.plan_id
     where k.secret_hash = encode(digest(${apiKey}, 'sha256'), 'hex') and k.revoked_at is null
  `;
  return rows[0];
}

export function createRedis(): Redis {
  return new Redis(process.env.QUOTA_REDIS_URL ?? 'redis://127.0.0.1:6379/3', {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
  });
}
