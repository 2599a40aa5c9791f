import { QueueServiceClient } from "@azure/storage-queue";
import { WebPubSubServiceClient } from "@azure/web-pubsub";

import { createPool } from "./lib/db";

interface NewJob {
  id: string;
  region: string;
  address: string;
  priority: "normal" | "urgent";
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const pool = await createPool("dispatch-worker", 4);
  const hub = new WebPubSubServiceClient(process.env.WEBPUBSUB_CONNECTION_STRING!, "dispatch");
  const queue = QueueServiceClient.fromConnectionString(process.env.AZURE_STORAGE_CONNECTION_STRING!)
    .getQueueClient("new-jobs");
  await queue.createIfNotExists();

  let stopping = false;
  process.on("SIGTERM", () => {
    stopping = true;
  });

  while (!stopping) {
    const batch = await queue.receiveMessages({ numberOfMessages: 16, visibilityTimeout: 60 });
    if (batch.receivedMessageItems.length === 0) {
      await sleep(2_000);
      continue;
    }

    for (const msg of batch.receivedMessageItems) {
      const job = JSON.parse(Buffer.from(msg.messageText, "base64").toString("utf8")) as NewJob;
      await pool.query(
        `INSERT INTO jobs (id, region, address, priority, status, created_at)
         VALUES ($1, $2, $3, $4, 'open', now()) ON CONFLICT (id) DO NOTHING`,
        [job.id, job.region, job.address, job.priority],
      );
      await hub.group(`region:${job.region}`).sendToAll({ type: "job-open", job });
      await queue.deleteMessage(msg.messageId, msg.popReceipt);
    }
  }

  await pool.end();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
