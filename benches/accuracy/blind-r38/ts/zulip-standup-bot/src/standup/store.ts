import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

export type Answer = { member: number; yesterday: string; today: string; blockers: string };

export async function saveAnswer(a: Answer): Promise<void> {
  await pool.query(
    `INSERT INTO standup_answers (zulip_user_id, day, yesterday, today, blockers)
     VALUES ($1, current_date, $2, $3, $4)
     ON CONFLICT (zulip_user_id, day) DO UPDATE
       SET yesterday = EXCLUDED.yesterday, today = EXCLUDED.today, blockers = EXCLUDED.blockers`,
    [a.member, a.yesterday, a.today, a.blockers],
  );
}

export async function todaysAnswers(): Promise<Array<Answer & { name: string }>> {
  const { rows } = await pool.query(
    `SELECT a.zulip_user_id AS member, m.display_name AS name, a.yesterday, a.today, a.blockers
       FROM standup_answers a JOIN members m USING (zulip_user_id)
      WHERE a.day = current_date
      ORDER BY m.display_name`,
  );
  return rows;
}
