import pg from 'pg';

export const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

export async function ensureMember(zulipUserId: number, email: string, name: string): Promise<void> {
  await pool.query(
    `INSERT INTO members (zulip_user_id, email, display_name)
     VALUES ($1, $2, $3)
     ON CONFLICT (zulip_user_id) DO UPDATE SET email = EXCLUDED.email, display_name = EXCLUDED.display_name`,
    [zulipUserId, email, name],
  );
}
