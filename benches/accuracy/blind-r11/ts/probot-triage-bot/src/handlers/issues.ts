import type { Context } from 'probot';
import { pool } from '../lib/db';

const AREA_KEYWORDS: Record<string, string[]> = {
  'area/api': ['endpoint', 'status code', 'rest', 'graphql'],
  'area/ui': ['button', 'css', 'layout', 'render'],
  'area/build': ['webpack', 'tsc', 'compile', 'ci'],
};

export async function handleIssueOpened(context: Context<'issues.opened'>): Promise<void> {
  const { issue, repository } = context.payload;
  const text = `${issue.title}\n${issue.body ?? ''}`.toLowerCase();
  const labels = Object.entries(AREA_KEYWORDS)
    .filter(([, words]) => words.some((w) => text.includes(w)))
    .map(([label]) => label);

  const client = await pool.connect();
  await client.query('BEGIN');
  await client.query(
    `INSERT INTO issues (repo_id, number, title, opened_at) VALUES ($1, $2, $3, now())
     ON CONFLICT (repo_id, number) DO NOTHING`,
    [repository.id, issue.number, issue.title],
  );
  for (const label of labels) {
    await client.query('INSERT INTO issue_labels (repo_id, number, label) VALUES ($1, $2, $3)', [
      repository.id,
      issue.number,
      label,
    ]);
  }
  await client.query('COMMIT');
  client.release();

  if (labels.length > 0) {
    await context.octokit.issues.addLabels(context.issue({ labels }));
  }
}
