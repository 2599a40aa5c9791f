import { readFileSync } from 'node:fs';
import { closeAll, linkFor, type ServerConf } from './rcon-links.js';
import { pool, recordSample } from './db.js';

const servers: ServerConf[] = JSON.parse(readFileSync('config/servers.json', 'utf8'));
const POLL_MS = 60_000;
const LIST_RE = /There are (\d+) of a max of (\d+) players online:?\s*(.*)$/;

async function pollServer(server: ServerConf): Promise<void> {
  const rcon = await linkFor(server);
  const reply = await rcon.send('list');
  const m = LIST_RE.exec(reply.trim());
  if (!m) {
    console.warn(`[${server.id}] unexpected list reply: ${reply}`);
    return;
  }
  const players = m[3] ? m[3].split(',').map((p) => p.trim()).filter(Boolean) : [];
  await recordSample(server.id, Number(m[1]), Number(m[2]), players);

  if (Number(m[1]) >= Number(m[2]) && process.env.DISCORD_WEBHOOK) {
    await fetch(process.env.DISCORD_WEBHOOK, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ content: `${server.id} is full (${m[1]}/${m[2]})` }),
    });
  }
}

async function pollAll(): Promise<void> {
  const results = await Promise.allSettled(servers.map(pollServer));
  results.forEach((r, i) => {
    if (r.status === 'rejected') console.error(`[${servers[i].id}] poll failed:`, r.reason);
  });
}

const timer = setInterval(pollAll, POLL_MS);
void pollAll();

async function shutdown(): Promise<void> {
  clearInterval(timer);
  await closeAll();
  await pool.end();
  process.exit(0);
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
