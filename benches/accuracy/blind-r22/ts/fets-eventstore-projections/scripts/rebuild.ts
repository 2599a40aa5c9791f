// One-off: wipe the accounts read model and replay every account stream.
// Usage: npm run rebuild -- --confirm
import { EventStoreDBClient, FORWARDS, START } from "@eventstore/db-client";
import { createPool } from "../src/db.js";
import { apply, type AccountEvent } from "../src/projection.js";

if (!process.argv.includes("--confirm")) {
  console.error("refusing to rebuild without --confirm");
  process.exit(2);
}

const ACCOUNT_EVENTS = new Set(["AccountOpened", "FundsDeposited", "FundsWithdrawn", "AccountFrozen", "AccountClosed"]);

const pool = createPool("rebuild");
const esdb = EventStoreDBClient.connectionString(
  process.env.ESDB_CONNECTION_STRING ?? "esdb://eventstore:2113?tls=false",
);

const conn = await pool.getConnection();
try {
  await conn.query("TRUNCATE TABLE accounts");
  let applied = 0;
  const events = esdb.readAll({
    direction: FORWARDS,
    fromPosition: START,
  });
  for await (const resolved of events) {
    const event = resolved.event;
    if (!event || !ACCOUNT_EVENTS.has(event.type)) continue;
    await apply(conn, { type: event.type, data: event.data } as AccountEvent, Number(event.revision));
    if (++applied % 10_000 === 0) console.log(`replayed ${applied} events`);
  }
  console.log(`done: ${applied} events replayed`);
} finally {
  conn.release();
  await pool.end();
  await esdb.dispose();
}
