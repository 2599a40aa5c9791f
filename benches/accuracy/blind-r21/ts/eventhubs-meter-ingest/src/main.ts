import { EventHubConsumerClient, earliestEventPosition } from "@azure/event-hubs";
import { BlobCheckpointStore } from "@azure/eventhubs-checkpointstore-blob";
import { ContainerClient } from "@azure/storage-blob";
import { pool } from "./db.js";
import { processError, processEvents } from "./processor.js";

const checkpoints = new ContainerClient(
  process.env.CHECKPOINT_STORAGE_CONNECTION!,
  process.env.CHECKPOINT_CONTAINER ?? "meter-ingest-checkpoints",
);
const checkpointStore = new BlobCheckpointStore(checkpoints);

const consumer = new EventHubConsumerClient(
  process.env.EVENTHUB_CONSUMER_GROUP ?? "$Default",
  process.env.EVENTHUB_CONNECTION!,
  process.env.EVENTHUB_NAME ?? "meter-readings",
  checkpointStore,
);

const subscription = consumer.subscribe(
  { processEvents, processError },
  { startPosition: earliestEventPosition, maxBatchSize: 200, maxWaitTimeInSeconds: 5 },
);

console.log("meter-ingest consuming", process.env.EVENTHUB_NAME ?? "meter-readings");

async function shutdown(): Promise<void> {
  await subscription.close();
  await consumer.close();
  await pool.end();
  process.exit(0);
}

process.on("SIGTERM", () => void shutdown());
process.on("SIGINT", () => void shutdown());
