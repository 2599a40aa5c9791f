import gulp from "gulp";
import { seed } from "./tasks/seed.js";
import { reindex, syncFile, removeFile } from "./tasks/sync.js";
import { closeClients, qdrant } from "./tasks/clients.js";

const { series, watch } = gulp;

async function ensureCollection() {
  const { exists } = await qdrant.collectionExists("docs");
  if (!exists) {
    await qdrant.createCollection("docs", { vectors: { size: 768, distance: "Cosine" } });
  }
}

function watchContent() {
  const watcher = watch("content/**/*.md", { ignoreInitial: true });
  const report = (p) => (err) => console.error(`[watch] ${p}:`, err.message);
  watcher.on("add", (path) => syncFile(path).catch(report(path)));
  watcher.on("change", (path) => syncFile(path).catch(report(path)));
  watcher.on("unlink", (path) => removeFile(path).catch(report(path)));

  process.once("SIGINT", async () => {
    await watcher.close();
    await closeClients();
    process.exit(0);
  });
}

async function reindexAndClose() {
  try {
    await reindex();
  } finally {
    await closeClients();
  }
}

export { seed };
const reindexTask = series(ensureCollection, reindexAndClose);
export { reindexTask as reindex };
export const dev = series(ensureCollection, reindex, watchContent);
export default dev;
