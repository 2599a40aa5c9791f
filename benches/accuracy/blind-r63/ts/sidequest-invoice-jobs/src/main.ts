import http from "node:http";
import { Sidequest } from "sidequest";
import { RenderInvoiceJob } from "./jobs/render-invoice.js";
import { SettlePaymentsJob } from "./jobs/settle-payments.js";
import { PurgeDraftsJob } from "./jobs/purge-drafts.js";

await Sidequest.start({
  backend: {
    driver: "@sidequest/postgres-backend",
    config: process.env.SIDEQUEST_DATABASE_URL,
  },
  queues: [
    { name: "invoices", concurrency: 4 },
    { name: "payments", concurrency: 1 },
    { name: "maintenance", concurrency: 1 },
  ],
  dashboard: { enabled: true, port: 8678 },
});

await Sidequest.build(PurgeDraftsJob).queue("maintenance").schedule("15 3 * * *", 30);

function readJson(req: http.IncomingMessage): Promise<any> {
  return new Promise((resolve, reject) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      try {
        resolve(body ? JSON.parse(body) : {});
      } catch (e) {
        reject(e);
      }
    });
    req.on("error", reject);
  });
}

// Internal endpoint the billing API calls to hand work to the job runner.
http
  .createServer(async (req, res) => {
    try {
      if (req.method === "POST" && req.url === "/enqueue/render") {
        const { invoiceId } = await readJson(req);
        await Sidequest.build(RenderInvoiceJob).queue("invoices").maxAttempts(5).timeout(60_000).enqueue(invoiceId);
        res.writeHead(202).end();
        return;
      }
      if (req.method === "POST" && req.url === "/enqueue/settle") {
        const { batchId } = await readJson(req);
        await Sidequest.build(SettlePaymentsJob).queue("payments").maxAttempts(3).enqueue(batchId);
        res.writeHead(202).end();
        return;
      }
      res.writeHead(404).end();
    } catch (err) {
      console.error(err);
      res.writeHead(500).end();
    }
  })
  .listen(Number(process.env.PORT ?? 8080));
