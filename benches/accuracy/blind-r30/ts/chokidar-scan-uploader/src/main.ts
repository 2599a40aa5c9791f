import chokidar from "chokidar";
import { createPool, createS3 } from "./clients";
import { makeHandlers } from "./handlers";

async function main(): Promise<void> {
  const root = process.env.SCAN_DIR ?? "/srv/scans/inbox";
  const s3 = createS3();
  const pool = await createPool();
  const handlers = makeHandlers({ s3, pool, bucket: process.env.SCAN_BUCKET!, root });

  // chokidar fires these once per file event for as long as the daemon runs
  const watcher = chokidar.watch(root, {
    ignored: /(^|[/\\])\../,
    ignoreInitial: false,
    awaitWriteFinish: { stabilityThreshold: 2_000, pollInterval: 200 },
  });
  watcher
    .on("add", handlers.onAdd)
    .on("change", handlers.onChange)
    .on("unlink", handlers.onUnlink)
    .on("error", (err) => console.error("watcher error", err));

  const shutdown = async () => {
    await watcher.close();
    await pool.end();
    s3.destroy();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
