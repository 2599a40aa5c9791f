import { Pool, PoolClient } from 'pg';

export const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: 15,
});

export interface User {
  id: string;
  orgId: string;
  role: 'owner' | 'member' | 'viewer';
  plan: 'free' | 'team' | 'enterprise';
}

export interface Context {
  user: User | null;
  db: PoolClient;
}

export async function findUser(id: string): Promise<User | null> {
  const { rows } = await pool.query(
    `SELECT u.id, u.org_id AS "orgId", m.role, o.plan
       FROM users u
       JOIN memberships m ON m.user_id = u.id
       JOIN orgs o ON o.id = u.org_id
      WHERE u.id = $1`,
    [id]
  );
  return rows[0] ?? null;
}

export async function projectOrg(projectId: string): Promise<string | null> {
  const { rows } = await pool.query(`SELECT org_id FROM projects WHERE id = $1`, [projectId]);
  return rows[0]?.org_id ?? null;
}
