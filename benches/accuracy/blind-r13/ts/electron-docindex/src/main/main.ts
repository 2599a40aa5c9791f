import { app, BrowserWindow, powerMonitor, utilityProcess } from "electron";
import path from "node:path";
import chokidar from "chokidar";
import { createPool, IndexResult } from "../shared/db";

// The main process keeps its own small pool for the search UI; the indexer has its own.
const pool = createPool(2);

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1000,
    height: 700,
    webPreferences: { preload: path.join(__dirname, "preload.js") },
  });
  void win.loadFile(path.join(__dirname, "../../index.html"));
  return win;
}

app.whenReady().then(() => {
  const win = createWindow();
  const indexer = utilityProcess.fork(path.join(__dirname, "../indexer/indexer.js"), [], {
    serviceName: "docindex-indexer",
  });

  indexer.on("message", (msg: IndexResult) => {
    win.webContents.send("docindex:indexed", msg);
  });

  const watcher = chokidar.watch(path.join(app.getPath("documents"), "Notes"), {
    ignoreInitial: false,
    awaitWriteFinish: true,
  });
  watcher.on("add", (p) => indexer.postMessage({ kind: "index", path: p }));
  watcher.on("change", (p) => indexer.postMessage({ kind: "index", path: p }));

  // Laptop resumed: refresh the "recent documents" sidebar from the database.
  powerMonitor.on("resume", async () => {
    const { rows } = await pool.query("SELECT path, indexed_at FROM documents ORDER BY indexed_at DESC LIMIT 25");
    win.webContents.send("docindex:recent", rows);
  });

  app.on("before-quit", async () => {
    await watcher.close();
    indexer.kill();
    await pool.end();
  });
});

app.on("window-all-closed", () => {
  if (process.platform !== "darwin") app.quit();
});
