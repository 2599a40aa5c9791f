import { createHash } from 'node:crypto';
import type { RowDataPacket } from 'mysql2/promise';
import { pool } from './db.js';

export interface Account extends RowDataPacket {
  id: number;
  system_id: string;
  password_sha256: string;
  tps_limit: number;
  billing_account: string;
}

export async function authenticate(systemId: string, password: string): Promise<Account | null> {
  const [rows] = await pool.query<Account[]>(
    'SELECT id, system_id, password_sha256, tps_limit, billing_account FROM esme_accounts WHERE system_id = ? AND active = 1',
    [systemId],
  );
  const account = rows[0];
  if (!account) return null;
  const digest = createHash('sha256').update(password).digest('hex');
  return digest === account.password_sha256 ? account : null;
}
