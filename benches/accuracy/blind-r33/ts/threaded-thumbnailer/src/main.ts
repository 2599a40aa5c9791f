import http from "node:http";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { ThumbJob, ThumbResult } from "./protocol";

const THREADS = Math.min(4, os.availableParallelism());
const workers: Worker[] = [];
const pending = new Map<number, (r: ThumbResult) => void>();
let nextId = 1;
let rr = 0;

for (let i = 0; i < THREADS; i++) {
  const w = new Worker(path.join(__dirname, "worker.js"));
  w.on("message", (r: ThumbResult) => {
    pending.get(r.id)?.(r);
    pending.delete(r.id);
  });
  w.on("error", (err) => {
    console.error("worker crashed", err);
    process.exit(1);
  });
  workers.push(w);
}

function dispatch(imageId: string, width: number): Promise<ThumbResult> {
  const job: ThumbJob = { id: nextId++, imageId, width };
  const worker = workers[rr++ % workers.length];
  return new Promise((resolve) => {
    pending.set(job.id, resolve);
    worker.postMessage(job);
  });
}

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  const m = url.pathname.match(/^\/thumbs\/([\w-]+)$/);
  if (req.method !== "POST" || !m) {
    res.writeHead(404).end();
    return;
  }
  const width = Math.min(Number(url.searchParams.get("w") ?? 320), 2048);
  const result = await dispatch(m[1], width);
  res.writeHead(result.ok ? 201 : 500, { "content-type": "application/json" });
  res.end(JSON.stringify(result));
});

server.listen(Number(process.env.PORT ?? 3000));

process.on("SIGTERM", () => {
  server.close();
  for (const w of workers) w.postMessage("shutdown");
});
