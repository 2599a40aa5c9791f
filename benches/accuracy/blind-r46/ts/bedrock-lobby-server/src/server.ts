import { createServer } from 'bedrock-protocol';

import { pool } from './db';
import { onPlayerConnect } from './players';

const server = createServer({
  host: '0.0.0.0',
  port: Number(process.env.LOBBY_PORT ?? 19132),
  version: '1.21.30',
  offline: false,
  maxPlayers: 200,
  motd: {
    motd: 'Skyforge Lobby',
    levelName: 'lobby',
  },
});

// One 'connect' event per Bedrock client that opens a RakNet session.
server.on('connect', onPlayerConnect);

process.on('SIGTERM', async () => {
  server.close();
  await pool.end();
  process.exit(0);
});
