import type mysql from 'mysql2/promise';
import { openDb } from './db';

function reply(src: number, message: string): void {
  if (src === 0) {
    console.log(message);
    return;
  }
  emitNet('chat:addMessage', src, { color: [255, 180, 0], args: ['Impound', message] });
}

function allowed(src: number): boolean {
  return src === 0 || IsPlayerAceAllowed(String(src), 'command.impound');
}

export function registerAdminCommands(): void {
  RegisterCommand(
    'impound',
    async (src: number, args: string[]) => {
      if (!allowed(src)) return reply(src, 'Not allowed.');
      const [plate, ...reasonParts] = args;
      if (!plate) return reply(src, 'Usage: /impound <plate> [reason]');

      const db = openDb();
      const [res] = await db.execute<mysql.ResultSetHeader>(
        "UPDATE player_vehicles SET state = 'impounded', garage = 'impound_lot' WHERE plate = ?",
        [plate.toUpperCase()],
      );
      await db.execute('INSERT INTO impound_log (plate, officer, reason) VALUES (?, ?, ?)', [
        plate.toUpperCase(),
        src === 0 ? 'console' : GetPlayerName(String(src)),
        reasonParts.join(' ') || 'no reason given',
      ]);
      reply(src, res.affectedRows ? `${plate} impounded.` : `No vehicle with plate ${plate}.`);
    },
    false,
  );

  RegisterCommand(
    'release',
    (src: number, args: string[]) => {
      if (!allowed(src)) return reply(src, 'Not allowed.');
      const [plate, garage = 'legion'] = args;
      if (!plate) return reply(src, 'Usage: /release <plate> [garage]');
      emit('garage:adminRelease', plate.toUpperCase(), garage, src);
      reply(src, `Release of ${plate} to ${garage} requested.`);
    },
    false,
  );
}
