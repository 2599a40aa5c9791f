import mysql, { ResultSetHeader } from 'mysql2/promise';
import { AccountRow, savePlayer } from '../db';

const SPAWN = new mp.Vector3(-425.5, 1123.3, 325.8);
const STARTING_CASH = 500;

mp.events.add('playerJoin', async (player: PlayerMp) => {
  const conn = await mysql.createConnection({
    host: process.env.DB_HOST ?? '127.0.0.1',
    user: process.env.DB_USER ?? 'lsrp',
    password: process.env.DB_PASSWORD,
    database: process.env.DB_NAME ?? 'lsrp',
  });

  const [rows] = await conn.query<AccountRow[]>(
    'SELECT id, name, cash, bank, pos_x, pos_y, pos_z FROM accounts WHERE social_club = ? LIMIT 1',
    [player.socialClub],
  );

  let account = rows[0];
  if (!account) {
    const [result] = await conn.execute<ResultSetHeader>(
      'INSERT INTO accounts (social_club, name, cash, bank) VALUES (?, ?, ?, 0)',
      [player.socialClub, player.name, STARTING_CASH],
    );
    account = {
      id: result.insertId, name: player.name, cash: STARTING_CASH, bank: 0,
      pos_x: SPAWN.x, pos_y: SPAWN.y, pos_z: SPAWN.z,
    } as AccountRow;
    player.outputChatBox('!{#00BFFF}Welcome to Los Santos! Your account has been created.');
  }

  player.setVariable('accountId', account.id);
  player.setVariable('cash', account.cash);
  player.spawn(new mp.Vector3(account.pos_x, account.pos_y, account.pos_z));
  player.outputChatBox(`Cash: $${account.cash} | Bank: $${account.bank}`);
});

mp.events.add('playerQuit', async (player: PlayerMp, exitType: string) => {
  const accountId = player.getVariable('accountId') as number | undefined;
  if (accountId == null) return;
  try {
    await savePlayer(accountId, player.getVariable('cash') as number, player.position);
  } catch (err) {
    console.error(`[economy] could not save ${player.name} (${exitType})`, err);
  }
});
