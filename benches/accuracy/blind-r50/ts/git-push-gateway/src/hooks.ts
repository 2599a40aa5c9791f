import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import type { RowDataPacket } from "mysql2/promise";
import { getPool } from "./db.js";

interface PushLike {
  repo: string;
  commit: string;
  branch: string;
  accept(): void;
  reject(code?: number, msg?: string): void;
}

export async function onPush(push: PushLike): Promise<void> {
  const conn = await getPool().getConnection();
  const [rows] = await conn.query<RowDataPacket[]>(
    "SELECT protected, frozen_until FROM branch_rules WHERE repo = ? AND branch = ?",
    [push.repo, push.branch],
  );
  if (rows.length > 0 && rows[0].frozen_until && new Date(rows[0].frozen_until) > new Date()) {
    push.reject(403, `branch ${push.branch} is frozen`);
    return;
  }
  await conn.query(
    "INSERT INTO push_log (repo, branch, commit_sha, pushed_at) VALUES (?, ?, ?, NOW())",
    [push.repo, push.branch, push.commit],
  );
  conn.release();
  push.accept();

  if (rows.length > 0 && rows[0].protected) {
    const sns = new SNSClient({ region: process.env.AWS_REGION ?? "eu-west-1" });
    await sns.send(
      new PublishCommand({
        TopicArn: process.env.PROTECTED_PUSH_TOPIC,
        Subject: `push to ${push.repo}:${push.branch}`,
        Message: JSON.stringify({ repo: push.repo, branch: push.branch, commit: push.commit }),
      }),
    );
  }
}

export async function onFetch(fetch: { repo: string; commit: string; accept(): void }) {
  await getPool().execute("UPDATE repos SET last_fetch_at = NOW() WHERE name = ?", [fetch.repo]);
  fetch.accept();
}
