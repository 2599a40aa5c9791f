import { Pool } from "pg";

export const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: 10,
  idleTimeoutMillis: 20_000,
});

pool.on("error", (err) => console.error("[db] pool error", err));

export interface NewAccount {
  email: string;
  passwordHash: string;
  displayName: string;
  referralCode?: string;
}

export async function insertAccount(account: NewAccount): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO accounts (email, password_hash, display_name, referred_by)
     VALUES ($1, $2, $3, $4)
     RETURNING id`,
    [account.email.toLowerCase(), account.passwordHash, account.displayName, account.referralCode ?? null],
  );
  return rows[0].id;
}

export async function recordSignupEvent(accountId: string, source: string): Promise<void> {
  await pool.query(
    `INSERT INTO signup_events (account_id, source, created_at) VALUES ($1, $2, now())`,
    [accountId, source],
  );
}
