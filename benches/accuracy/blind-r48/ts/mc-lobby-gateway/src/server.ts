import mc from 'minecraft-protocol';
import { db, openSession, closeSession, logChat } from './db.js';
import { knownRealms, enqueueForRealm, closeRealms } from './realms.js';

const server = mc.createServer({
  'online-mode': true,
  host: '0.0.0.0',
  port: Number(process.env.MC_PORT ?? 25565),
  version: '1.12.2',
  motd: 'Lobby - type /realm <name> to queue',
  maxPlayers: 200,
});

function say(client: mc.ServerClient, text: string): void {
  client.write('chat', { message: JSON.stringify({ text }), position: 0 });
}

server.on('login', (client: mc.ServerClient) => {
  const address = client.socket.remoteAddress ?? 'unknown';
  let sessionId: number | null = null;

  client.write('login', {
    entityId: client.id,
    levelType: 'flat',
    gameMode: 2,
    dimension: 0,
    difficulty: 0,
    maxPlayers: server.maxPlayers,
    reducedDebugInfo: false,
  });
  client.write('position', { x: 0, y: 64, z: 0, yaw: 0, pitch: 0, flags: 0x00, teleportId: 1 });

  openSession(client.uuid, client.username, address)
    .then((id) => {
      sessionId = id;
      say(client, `Welcome ${client.username}! Realms: ${knownRealms().join(', ')}`);
    })
    .catch((err) => console.error('session open failed', err));

  client.on('chat', (packet: { message: string }) => {
    const text = packet.message.trim();
    const m = /^\/realm\s+(\w+)$/.exec(text);
    if (m) {
      enqueueForRealm(m[1], client.uuid, client.username)
        .then((pos) => say(client, pos ? `Queued for ${m[1]} (#${pos})` : `Unknown realm ${m[1]}`))
        .catch((err) => console.error('queue failed', err));
      return;
    }
    logChat(client.uuid, text).catch((err) => console.error('chat log failed', err));
  });

  client.on('end', () => {
    if (sessionId !== null) closeSession(sessionId).catch((err) => console.error('session close failed', err));
  });
});

server.on('error', (err) => console.error('server error', err));

process.on('SIGTERM', async () => {
  server.close();
  await closeRealms();
  await db.end();
  process.exit(0);
});
