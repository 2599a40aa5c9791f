import type { Player } from 'bedrock-protocol';
import Redis from 'ioredis';

import { pool } from './db';

const BLOCKED_WORDS = (process.env.BLOCKED_WORDS ?? '').split(',').filter(Boolean);

export function onPlayerConnect(client: Player) {
  client.on('join', async () => {
    const { name, xuid } = client.profile;

    const presence = new Redis(process.env.LOBBY_REDIS_URL ?? 'redis://localhost:6379/0');
    await presence.sadd('lobby:online', String(xuid));
    await presence.hset(`lobby:player:${xuid}`, {
      name,
      joinedAt: Date.now(),
    });

    client.on('close', () => {
      presence.srem('lobby:online', String(xuid)).catch(() => undefined);
    });

    const conn = await pool.getConnection();
    try {
      await conn.execute(
        'INSERT INTO player_sessions (xuid, gamertag, joined_at) VALUES (?, ?, NOW())',
        [String(xuid), name],
      );
    } finally {
      conn.release();
    }
  });

  client.on('packet', async (des: any) => {
    if (des.data.name !== 'text') return;
    const { message, source_name: sourceName } = des.data.params;
    const flagged = BLOCKED_WORDS.some((word) => message.toLowerCase().includes(word));

    const conn = await pool.getConnection();
    await conn.execute(
      'INSERT INTO chat_log (xuid, gamertag, message, flagged, sent_at) VALUES (?, ?, ?, ?, NOW())',
      [String(client.profile.xuid), sourceName, message, flagged ? 1 : 0],
    );
    conn.release();

    if (flagged) {
      client.disconnect('Please keep the lobby chat friendly.');
    }
  });
}
