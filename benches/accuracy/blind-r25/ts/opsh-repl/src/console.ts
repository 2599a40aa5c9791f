#!/usr/bin/env node
import repl from 'node:repl';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { registerCommands } from './commands.js';

// One session = one operator at a terminal, often left open for a whole shift.
const pool = new pg.Pool({
  connectionString: process.env.MARKETPLACE_DATABASE_URL,
  max: 3,
  idleTimeoutMillis: 60_000,
  application_name: `opsh:${os.userInfo().username}`,
});

pool.on('error', (err) => {
  console.error(`\n[opsh] idle client error: ${err.message}`);
});

const server = repl.start({
  prompt: 'opsh> ',
  useColors: true,
  ignoreUndefined: true,
});

server.setupHistory(path.join(os.homedir(), '.opsh_history'), (err) => {
  if (err) console.error(`[opsh] history disabled: ${err.message}`);
});

// Expose the pool for ad-hoc queries: `await pool.query('select ...')`.
server.context.pool = pool;
server.context.sql = async (text: string, ...params: unknown[]) => {
  const { rows } = await pool.query(text, params);
  console.table(rows);
};

registerCommands(server, { pool });

server.on('exit', () => {
  pool
    .end()
    .catch(() => undefined)
    .finally(() => process.exit(0));
});

console.log('opsh ready. Type .help for commands, .exit to leave.');
