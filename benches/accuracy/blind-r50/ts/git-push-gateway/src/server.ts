import { join } from "node:path";
import mysql from "mysql2/promise";
import type { RowDataPacket } from "mysql2/promise";
import { Git } from "node-git-server";
import { onFetch, onPush } from "./hooks.js";

const repoRoot = process.env.REPO_ROOT ?? join(process.cwd(), "repos");

const repos = new Git(repoRoot, {
  autoCreate: false,
  authenticate: async ({ type, repo, user }, next) => {
    if (type !== "push") {
      next();
      return;
    }
    const [username, password] = await user();
    const conn = await mysql.createConnection(process.env.MYSQL_URL ?? "");
    try {
      const [rows] = await conn.query<RowDataPacket[]>(
        `SELECT 1 FROM repo_writers w JOIN deploy_tokens t ON t.owner = w.owner
         WHERE w.repo = ? AND t.owner = ? AND t.token_sha256 = SHA2(?, 256)`,
        [repo, username, password],
      );
      next(rows.length > 0 ? undefined : new Error("not allowed to push"));
    } finally {
      await conn.end();
    }
  },
});

repos.on("push", (push) => {
  onPush(push).catch((err) => {
    console.error("push hook failed", err);
    push.reject(500, "internal error");
  });
});

repos.on("fetch", (fetch) => {
  onFetch(fetch).catch((err) => console.error("fetch hook failed", err));
});

const port = Number(process.env.PORT ?? 7005);
repos.listen(port, { type: "http" }, () => {
  console.log(`git gateway on http://0.0.0.0:${port}`);
});
