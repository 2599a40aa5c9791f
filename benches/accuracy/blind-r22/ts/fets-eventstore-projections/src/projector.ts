import {
  EventStoreDBClient,
  PARK,
  persistentSubscriptionToStreamSettingsFromDefaults,
  RETRY,
  START,
} from "@eventstore/db-client";
import { createPool } from "./db.js";
import { apply, type AccountEvent } from "./projection.js";

const STREAM = "$ce-account";
const GROUP = "accounts-read-model";
const MAX_RETRIES = 5;

const pool = createPool("projector");
const esdb = EventStoreDBClient.connectionString(
  process.env.ESDB_CONNECTION_STRING ?? "esdb://eventstore:2113?tls=false",
);

async function ensureGroup(): Promise<void> {
  try {
    await esdb.createPersistentSubscriptionToStream(
      STREAM,
      GROUP,
      persistentSubscriptionToStreamSettingsFromDefaults({ startFrom: START, resolveLinkTos: true }),
    );
  } catch (err) {
    if (!(err instanceof Error) || !/already exists/i.test(err.message)) throw err;
  }
}

async function run(): Promise<void> {
  await ensureGroup();
  const subscription = esdb.subscribeToPersistentSubscriptionToStream(STREAM, GROUP, { bufferSize: 32 });

  for await (const resolved of subscription) {
    const event = resolved.event;
    if (!event) {
      await subscription.ack(resolved);
      continue;
    }

    const conn = await pool.getConnection();
    try {
      await conn.beginTransaction();
      await apply(conn, { type: event.type, data: event.data } as AccountEvent, Number(event.revision));
      await conn.commit();
      await subscription.ack(resolved);
    } catch (err) {
      await conn.rollback().catch(() => undefined);
      const action = (resolved.retryCount ?? 0) >= MAX_RETRIES ? PARK : RETRY;
      await subscription.nack(action, (err as Error).message, resolved);
    } finally {
      conn.release();
    }
  }
}

run().catch(async (err) => {
  console.error("projector stopped", err);
  await esdb.dispose();
  await pool.end();
  process.exit(1);
});
