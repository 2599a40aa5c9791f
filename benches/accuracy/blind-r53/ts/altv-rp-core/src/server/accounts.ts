import * as alt from 'alt-server';
import type Redis from 'ioredis';
import type mysql from 'mysql2/promise';
import type { AccountRow } from './db.js';

const DEFAULT_SPAWN = { x: -1037.7, y: -2737.8, z: 20.17 };
const MAX_JOINS_PER_MINUTE = 5;

export function registerAccountHandlers(pool: mysql.Pool, redis: Redis): void {
  alt.on('playerConnect', async (player: alt.Player) => {
    const socialId = String(player.socialID);

    const joins = await redis.incr(`joins:${socialId}`);
    if (joins === 1) await redis.expire(`joins:${socialId}`, 60);
    if (joins > MAX_JOINS_PER_MINUTE) {
      player.kick('Too many reconnects, wait a minute.');
      return;
    }

    const [rows] = await pool.query<AccountRow[]>('SELECT * FROM accounts WHERE social_id = ?', [socialId]);
    let account = rows[0];
    if (!account) {
      await pool.execute('INSERT INTO accounts (social_id, name, pos_x, pos_y, pos_z) VALUES (?, ?, ?, ?, ?)', [
        socialId,
        player.name,
        DEFAULT_SPAWN.x,
        DEFAULT_SPAWN.y,
        DEFAULT_SPAWN.z,
      ]);
      const [created] = await pool.query<AccountRow[]>('SELECT * FROM accounts WHERE social_id = ?', [socialId]);
      account = created[0];
    }
    if (account.banned) {
      player.kick('This account is banned.');
      return;
    }
    if (!player.valid) return;

    player.setMeta('accountId', account.id);
    player.model = 'mp_m_freemode_01';
    player.spawn(account.pos_x, account.pos_y, account.pos_z, 0);
  });

  alt.on('playerDisconnect', async (player: alt.Player, reason: string) => {
    const accountId = player.getMeta('accountId') as number | undefined;
    if (accountId === undefined) return;
    const { x, y, z } = player.pos;

    const conn = await pool.getConnection();
    try {
      await conn.beginTransaction();
      await conn.execute('UPDATE accounts SET pos_x = ?, pos_y = ?, pos_z = ?, last_seen = NOW() WHERE id = ?', [
        x,
        y,
        z,
        accountId,
      ]);
      await conn.execute('INSERT INTO session_log (account_id, reason, ended_at) VALUES (?, ?, NOW())', [
        accountId,
        reason,
      ]);
      await conn.commit();
    } catch (err) {
      await conn.rollback();
      alt.logError(`[accounts] save on disconnect failed for ${accountId}: ${(err as Error).message}`);
    } finally {
      conn.release();
    }
  });
}
