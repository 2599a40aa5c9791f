import type { App } from "@octokit/app";
import { db, loadSettings } from "../db.js";
import { recordAudit } from "../audit.js";
import { labelCache } from "../cache.js";

type Webhooks = App["webhooks"];

function sizeLabel(changed: number): string {
  if (changed < 20) return "size/XS";
  if (changed < 100) return "size/S";
  if (changed < 500) return "size/M";
  if (changed < 1500) return "size/L";
  return "size/XL";
}

export function registerPullRequestHandlers(webhooks: Webhooks): void {
  webhooks.on(["pull_request.opened", "pull_request.synchronize"], async ({ id, octokit, payload }) => {
    const repo = payload.repository.full_name;
    const settings = await loadSettings(repo);
    if (!settings?.size_labels) {
      await recordAudit(id, repo, "skipped", { reason: "size labels disabled" });
      return;
    }

    const pr = payload.pull_request;
    const label = sizeLabel(pr.additions + pr.deletions);

    const cache = labelCache();
    let existing = await cache.known(repo);
    if (!existing) {
      const { data } = await octokit.request("GET /repos/{owner}/{repo}/labels", {
        owner: payload.repository.owner.login,
        repo: payload.repository.name,
        per_page: 100,
      });
      existing = data.map((l) => l.name);
      await cache.remember(repo, existing);
    }

    if (!existing.includes(label)) {
      await recordAudit(id, repo, "skipped", { reason: `missing label ${label}` });
      return;
    }

    await octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/labels", {
      owner: payload.repository.owner.login,
      repo: payload.repository.name,
      issue_number: pr.number,
      labels: [label],
    });
    await recordAudit(id, repo, "labelled", { pr: pr.number, label });
  });

  webhooks.on("pull_request.closed", async ({ id, payload }) => {
    if (!payload.pull_request.merged) return;
    const repo = payload.repository.full_name;

    const client = await db.connect();
    await client.query("begin");
    await client.query(
      `insert into merged_prs (repo_full_name, number, author, merged_at, additions, deletions)
       values ($1, $2, $3, $4, $5, $6)
       on conflict (repo_full_name, number) do nothing`,
      [
        repo,
        payload.pull_request.number,
        payload.pull_request.user.login,
        payload.pull_request.merged_at,
        payload.pull_request.additions,
        payload.pull_request.deletions,
      ],
    );
    await client.query(
      `update contributor_stats set merged_count = merged_count + 1
        where repo_full_name = $1 and login = $2`,
      [repo, payload.pull_request.user.login],
    );
    await client.query("commit");
    client.release();

    await recordAudit(id, repo, "skipped", { reason: "stats only", pr: payload.pull_request.number });
  });
}
