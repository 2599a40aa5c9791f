import mysql, { RowDataPacket } from 'mysql2/promise';

const bankPool = mysql.createPool({
  host: process.env.DB_HOST ?? '127.0.0.1',
  user: process.env.DB_USER ?? 'lsrp',
  password: process.env.DB_PASSWORD,
  database: process.env.DB_NAME ?? 'lsrp',
  connectionLimit: 5,
});

function findOnline(name: string): PlayerMp | undefined {
  const needle = name.toLowerCase();
  return mp.players.toArray().find((p) => p.name.toLowerCase() === needle);
}

mp.events.addCommand('balance', async (player) => {
  const [rows] = await bankPool.query<RowDataPacket[]>(
    'SELECT bank FROM accounts WHERE id = ?',
    [player.getVariable('accountId')],
  );
  player.outputChatBox(`!{#7CFC00}Bank balance: $${rows[0]?.bank ?? 0}`);
});

mp.events.addCommand('transfer', async (player, _fullText, target, amountText) => {
  const amount = Number.parseInt(amountText ?? '', 10);
  const recipient = target ? findOnline(target) : undefined;
  if (!recipient || !Number.isFinite(amount) || amount <= 0) {
    player.outputChatBox('Usage: /transfer [player] [amount]');
    return;
  }

  const conn = await bankPool.getConnection();
  await conn.beginTransaction();
  const [rows] = await conn.query<RowDataPacket[]>(
    'SELECT bank FROM accounts WHERE id = ? FOR UPDATE',
    [player.getVariable('accountId')],
  );
  if ((rows[0]?.bank ?? 0) < amount) {
    await conn.rollback();
    player.outputChatBox('!{#FF4500}Insufficient funds.');
    return;
  }
  await conn.execute('UPDATE accounts SET bank = bank - ? WHERE id = ?', [amount, player.getVariable('accountId')]);
  await conn.execute('UPDATE accounts SET bank = bank + ? WHERE id = ?', [amount, recipient.getVariable('accountId')]);
  await conn.execute(
    'INSERT INTO bank_transfers (from_id, to_id, amount) VALUES (?, ?, ?)',
    [player.getVariable('accountId'), recipient.getVariable('accountId'), amount],
  );
  await conn.commit();
  conn.release();

  player.outputChatBox(`!{#7CFC00}Sent $${amount} to ${recipient.name}.`);
  recipient.outputChatBox(`!{#7CFC00}${player.name} sent you $${amount}.`);
});
