import { parentPort } from 'node:worker_threads';

const url = process.env.HEALTHCHECK_URL;

if (url) {
  const res = await fetch(url, { method: 'POST', body: `metrics-housekeeping pid=${process.pid}` });
  if (!res.ok) parentPort?.postMessage(`heartbeat failed: ${res.status}`);
}

parentPort ? parentPort.postMessage('done') : process.exit(0);
