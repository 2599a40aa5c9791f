#!/usr/bin/env node

import { Process } from "actionhero";

// Actionhero loads everything under src/actions, src/initializers and
// src/tasks; initializers' start() runs once per process before the
// servers accept connections, stop() runs on shutdown.
async function main() {
  const app = new Process();
  await app.start();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
