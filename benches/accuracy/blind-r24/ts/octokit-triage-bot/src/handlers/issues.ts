import type { App } from "@octokit/app";
import { db, loadSettings } from "../db.js";
import { recordAudit } from "../audit.js";

type Webhooks = App["webhooks"];

const KEYWORDS: Array<[RegExp, string]> = [
  [/\b(crash|exception|stack ?trace|panic)\b/i, "bug"],
  [/\b(feature|would be nice|proposal)\b/i, "enhancement"],
  [/\b(docs?|documentation|typo)\b/i, "documentation"],
];

export function registerIssueHandlers(webhooks: Webhooks): void {
  webhooks.on("issues.opened", async ({ id, octokit, payload }) => {
    const repo = payload.repository.full_name;
    const settings = await loadSettings(repo);
    if (!settings?.auto_label) return;

    const text = `${payload.issue.title}\n${payload.issue.body ?? ""}`;
    const labels = KEYWORDS.filter(([re]) => re.test(text)).map(([, name]) => name);
    if (labels.length === 0) {
      await recordAudit(id, repo, "skipped", { reason: "no keyword matched" });
      return;
    }

    await octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/labels", {
      owner: payload.repository.owner.login,
      repo: payload.repository.name,
      issue_number: payload.issue.number,
      labels,
    });
    await recordAudit(id, repo, "labelled", { issue: payload.issue.number, labels });

    if (settings.triage_team) {
      const { rows } = await db.query<{ login: string }>(
        `select login from triage_rotation
          where team = $1 order by last_assigned_at nulls first limit 1`,
        [settings.triage_team],
      );
      const assignee = rows[0]?.login;
      if (assignee) {
        await octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/assignees", {
          owner: payload.repository.owner.login,
          repo: payload.repository.name,
          issue_number: payload.issue.number,
          assignees: [assignee],
        });
        await db.query(
          `update triage_rotation set last_assigned_at = now() where team = $1 and login = $2`,
          [settings.triage_team, assignee],
        );
        await recordAudit(id, repo, "assigned", { issue: payload.issue.number, assignee });
      }
    }
  });
}
