import type mysql from 'mysql2/promise';
import { openDb, identifierOf } from './db';
import { registerGarageEvents } from './garage';
import { registerAdminCommands } from './admin';

const resourceName = GetCurrentResourceName();
const pool = openDb();

interface Deferrals {
  defer(): void;
  update(message: string): void;
  done(failureReason?: string): void;
}

on('playerConnecting', async (name: string, _setKickReason: (r: string) => void, deferrals: Deferrals) => {
  const src = source;
  deferrals.defer();
  deferrals.update(`Checking garage records for ${name}...`);

  const license = identifierOf(src);
  if (!license) {
    deferrals.done('No Rockstar license found. Restart FiveM and try again.');
    return;
  }

  const [rows] = await pool.query<mysql.RowDataPacket[]>(
    'SELECT banned_until FROM players WHERE identifier = ?',
    [license],
  );
  if (rows.length && rows[0].banned_until && new Date(rows[0].banned_until) > new Date()) {
    deferrals.done(`Banned until ${rows[0].banned_until}`);
    return;
  }

  await pool.execute(
    'INSERT INTO players (identifier, name, last_seen) VALUES (?, ?, NOW()) ' +
      'ON DUPLICATE KEY UPDATE name = VALUES(name), last_seen = NOW()',
    [license, name],
  );
  deferrals.done();
});

on('playerDropped', async (reason: string) => {
  const src = source;
  const license = identifierOf(src);
  if (!license) return;

  // Anything the player left on the street goes back to the impound lot.
  const conn = await pool.getConnection();
  await conn.beginTransaction();
  await conn.execute('UPDATE players SET last_seen = NOW(), last_drop_reason = ? WHERE identifier = ?', [
    reason,
    license,
  ]);
  await conn.execute(
    "UPDATE player_vehicles SET state = 'impounded', garage = 'impound_lot' WHERE owner = ? AND state = 'out'",
    [license],
  );
  await conn.commit();
  conn.release();
});

registerGarageEvents(pool);
registerAdminCommands();

on('onResourceStop', (stopped: string) => {
  if (stopped !== resourceName) return;
  pool.end().catch((err) => console.error(`[${resourceName}] pool.end failed`, err));
});
