import type { Context } from 'probot';
import { makeReportingPool } from '../lib/db';

export async function handlePullRequestClosed(context: Context<'pull_request.closed'>): Promise<void> {
  const pr = context.payload.pull_request;
  if (!pr.merged_at) return;

  const openedMs = new Date(pr.created_at).getTime();
  const mergedMs = new Date(pr.merged_at).getTime();
  const hoursOpen = (mergedMs - openedMs) / 3_600_000;

  const reporting = makeReportingPool();
  await reporting.query(
    `INSERT INTO pr_metrics (repo, number, author, hours_open, additions, deletions, merged_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      context.payload.repository.full_name,
      pr.number,
      pr.user.login,
      hoursOpen,
      pr.additions,
      pr.deletions,
      pr.merged_at,
    ],
  );

  if (hoursOpen > 24 * 7) {
    await context.octokit.issues.createComment(
      context.issue({ body: `Merged after ${Math.round(hoursOpen / 24)} days — thanks for your patience!` }),
    );
  }
}
