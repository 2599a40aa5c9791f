import { CosmosClient } from "@azure/cosmos";
import type { PartitionContext, ReceivedEventData } from "@azure/event-hubs";
import { checkVoltage, type Reading } from "./alerts.js";
import { upsertHourly } from "./db.js";

function hourBucket(ts: string): Date {
  const d = new Date(ts);
  d.setUTCMinutes(0, 0, 0);
  return d;
}

// Called by EventHubConsumerClient.subscribe for every batch on every partition.
export async function processEvents(
  events: ReceivedEventData[],
  context: PartitionContext,
): Promise<void> {
  if (events.length === 0) return;

  const cosmos = new CosmosClient({
    endpoint: process.env.COSMOS_ENDPOINT!,
    key: process.env.COSMOS_KEY!,
  });
  const raw = cosmos.database("telemetry").container("readings");

  const hourly = new Map<string, { meterId: string; hour: Date; kwh: number; n: number }>();
  for (const event of events) {
    const reading = event.body as Reading;
    await raw.items.upsert({
      id: `${reading.meterId}:${reading.ts}`,
      meterId: reading.meterId,
      ts: reading.ts,
      kwh: reading.kwh,
      voltage: reading.voltage,
      partition: context.partitionId,
    });

    const hour = hourBucket(reading.ts);
    const key = `${reading.meterId}|${hour.toISOString()}`;
    const agg = hourly.get(key) ?? { meterId: reading.meterId, hour, kwh: 0, n: 0 };
    agg.kwh += reading.kwh;
    agg.n += 1;
    hourly.set(key, agg);

    await checkVoltage(reading);
  }

  for (const agg of hourly.values()) {
    await upsertHourly(agg.meterId, agg.hour, agg.kwh, agg.n);
  }

  await context.updateCheckpoint(events[events.length - 1]);
}

export async function processError(err: Error, context: PartitionContext): Promise<void> {
  console.error(`partition ${context.partitionId} error:`, err.message);
}
