import './events/player';
import './commands/bank';
import { db, topBalances } from './db';

const PAYDAY_INTERVAL_MS = 30 * 60 * 1000;
const PAYDAY_AMOUNT = 250;

mp.events.add('packagesLoaded', () => {
  console.log(`[economy] loaded, ${mp.players.length} players online`);
});

// Pay every online player on a fixed schedule; one pooled query for the whole batch.
setInterval(async () => {
  const ids = mp.players.toArray()
    .map((p) => p.getVariable('accountId') as number | undefined)
    .filter((id): id is number => typeof id === 'number');
  if (!ids.length) return;
  try {
    await db.query('UPDATE accounts SET cash = cash + ? WHERE id IN (?)', [PAYDAY_AMOUNT, ids]);
    mp.players.forEach((p) => {
      if (p.getVariable('accountId') == null) return;
      p.setVariable('cash', (p.getVariable('cash') as number) + PAYDAY_AMOUNT);
      p.outputChatBox(`!{#7CFC00}Payday: +$${PAYDAY_AMOUNT}`);
    });
  } catch (err) {
    console.error('[economy] payday failed', err);
  }
}, PAYDAY_INTERVAL_MS);

mp.events.addCommand('richlist', async (player) => {
  const rows = await topBalances(5);
  player.outputChatBox('!{#FFD700}Richest citizens:');
  rows.forEach((r, i) => player.outputChatBox(`${i + 1}. ${r.name} - $${r.total}`));
});

mp.events.add('serverShutdown', async () => {
  await db.end();
});
