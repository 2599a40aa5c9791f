import express from "express";
import digestQueue from "./queues/digest";
import reindexQueue from "./queues/reindex";
import { closePool, dueSubscribers } from "./db";

const app = express();
app.use(express.json());

// Quirrel calls back into these endpoints once per job.
app.post("/queues/digest", digestQueue);
app.post("/queues/reindex", reindexQueue);

app.post("/admin/digests/schedule", async (_req, res) => {
  const subscribers = await dueSubscribers(500);
  for (const s of subscribers) {
    await digestQueue.enqueue(
      { subscriberId: s.id, email: s.email, locale: s.locale },
      { id: `digest-${s.id}`, delay: "5min" },
    );
  }
  res.json({ scheduled: subscribers.length });
});

app.post("/webhooks/cms/article", async (req, res) => {
  const { id, event } = req.body as { id: string; event: "edited" | "published" | "unpublished" };
  if (!id) {
    res.status(400).json({ error: "missing id" });
    return;
  }
  await reindexQueue.enqueue({ articleId: id, reason: event }, { id: `reindex-${id}`, override: true });
  res.status(202).end();
});

const port = Number(process.env.PORT ?? 3000);
const server = app.listen(port, () => console.log(`digest-queues listening on ${port}`));

process.on("SIGTERM", () => {
  server.close(async () => {
    await closePool();
    process.exit(0);
  });
});
