import { hatchet } from "./hatchet-client.js";
import { appPool } from "./db.js";
import { ingestUpload } from "./workflows/ingest.js";

async function main() {
  const worker = await hatchet.worker("ingest-worker", {
    workflows: [ingestUpload],
    slots: 20,
  });

  const shutdown = async () => {
    await worker.stop();
    await appPool.end();
    process.exit(0);
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);

  await worker.start();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
