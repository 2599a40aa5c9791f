import { LogicalReplicationService, PgoutputPlugin } from "pg-logical-replication";

import { createPool, createSearch, waitForBackends } from "./clients.js";
import { makeChangeHandler } from "./handlers.js";

const SLOT = process.env.REPLICATION_SLOT ?? "search_sync";
const PUBLICATION = process.env.PUBLICATION ?? "catalog_pub";

async function main() {
  const es = createSearch();
  const pool = createPool();
  await waitForBackends(es, pool);

  const onChange = makeChangeHandler({ es, pool });

  const service = new LogicalReplicationService(
    { connectionString: process.env.DATABASE_URL },
    { acknowledge: { auto: false, timeoutSeconds: 10 } },
  );
  const plugin = new PgoutputPlugin({ protoVersion: 1, publicationNames: [PUBLICATION] });

  service.on("data", async (lsn, msg) => {
    try {
      await onChange(lsn, msg);
      await service.acknowledge(lsn);
    } catch (err) {
      console.error(`failed to apply change at ${lsn}`, err);
    }
  });
  service.on("error", (err) => console.error("replication error", err));

  let stopping = false;
  const subscribe = () => {
    if (stopping) return;
    service
      .subscribe(plugin, SLOT)
      .catch((err) => console.error("replication stream ended", err))
      .then(() => setTimeout(subscribe, 1_000));
  };
  subscribe();

  const shutdown = async () => {
    stopping = true;
    await service.stop();
    await pool.end();
    await es.close();
    process.exit(0);
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
