import { createServer } from "node:http";
import { App } from "@octokit/app";
import { createNodeMiddleware } from "@octokit/webhooks";
import { registerPullRequestHandlers } from "./handlers/pullRequests.js";
import { registerIssueHandlers } from "./handlers/issues.js";
import { db } from "./db.js";

const privateKey = (process.env.GITHUB_PRIVATE_KEY ?? "").replace(/\\n/g, "\n");

const app = new App({
  appId: Number(process.env.GITHUB_APP_ID),
  privateKey,
  webhooks: { secret: process.env.GITHUB_WEBHOOK_SECRET ?? "development" },
});

registerPullRequestHandlers(app.webhooks);
registerIssueHandlers(app.webhooks);

app.webhooks.onError((error) => {
  console.error(`webhook ${error.event?.name ?? "?"} failed:`, error.message);
});

const webhookMiddleware = createNodeMiddleware(app.webhooks, {
  path: "/api/github/webhooks",
});

const server = createServer(async (req, res) => {
  if (req.method === "GET" && req.url === "/healthz") {
    try {
      await db.query("select 1");
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    } catch {
      res.writeHead(503).end("db unavailable");
    }
    return;
  }

  const handled = await webhookMiddleware(req, res);
  if (!handled) {
    res.writeHead(404).end();
  }
});

const port = Number(process.env.PORT ?? 3000);
server.listen(port, () => {
  console.log(`triage bot listening on :${port}`);
});

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    server.close(() => {
      db.end().finally(() => process.exit(0));
    });
  });
}
