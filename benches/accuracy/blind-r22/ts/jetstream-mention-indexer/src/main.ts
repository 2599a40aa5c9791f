import { Jetstream } from "@skyware/jetstream";
import WebSocket from "ws";
import { clusterFor, closeClusters, KeywordIndex } from "./customers.js";
import { connectMongo, loadCursor, redis, saveCursor } from "./store.js";

const mongo = await connectMongo();
const db = mongo.db("mentions");
const keywords = new KeywordIndex(db);
await keywords.reload();
const reloadTimer = setInterval(() => keywords.reload().catch(console.error), 60_000);

const jetstream = new Jetstream({
  ws: WebSocket,
  wantedCollections: ["app.bsky.feed.post"],
  cursor: await loadCursor(),
});

let processed = 0;

jetstream.onCreate("app.bsky.feed.post", async (event) => {
  const text = event.commit.record.text ?? "";
  const customers = keywords.match(text);
  if (customers.length === 0) return;

  const uri = `at://${event.did}/app.bsky.feed.post/${event.commit.rkey}`;
  const session = mongo.startSession();
  try {
    await session.withTransaction(async () => {
      for (const customer of customers) {
        await db.collection("mentions").updateOne(
          { customerId: customer._id, uri },
          {
            $setOnInsert: {
              customerId: customer._id,
              uri,
              did: event.did,
              text,
              langs: event.commit.record.langs ?? [],
              createdAt: new Date(event.commit.record.createdAt),
            },
          },
          { upsert: true, session },
        );
        await db.collection("customers").updateOne(
          { _id: customer._id as never },
          { $inc: { mentionCount: 1 } },
          { session },
        );
      }
    });
  } finally {
    await session.endSession();
  }

  await Promise.all(
    customers.map((customer) =>
      clusterFor(customer).index({
        index: customer.indexName,
        id: uri,
        document: { uri, did: event.did, text, indexedAt: new Date().toISOString() },
      }),
    ),
  );

  if (++processed % 500 === 0 && jetstream.cursor) {
    await saveCursor(jetstream.cursor);
  }
});

jetstream.on("error", (err, cursor) => {
  console.error(`jetstream error at cursor ${cursor}`, err);
});

jetstream.start();

async function shutdown() {
  clearInterval(reloadTimer);
  jetstream.close();
  if (jetstream.cursor) await saveCursor(jetstream.cursor);
  await closeClusters();
  await mongo.close();
  redis.disconnect();
  process.exit(0);
}

process.on("SIGTERM", () => void shutdown());
