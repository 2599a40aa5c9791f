import Bot from 'keybase-bot';
import type { MsgSummary } from 'keybase-bot/lib/types/chat1';
import type { Pool } from 'pg';
import { openStore, teamConfig, whoIsOnCall, IncidentClients, TeamConfig } from './store';

const HELP = [
  '`!oncall` – who is on call for this team right now',
  '`!ack INC-123` – acknowledge an incident',
  '`!resolve INC-123 <note>` – resolve an incident',
].join('\n');

async function incidentAction(
  clients: IncidentClients,
  cfg: TeamConfig,
  incident: string,
  action: 'acknowledge' | 'resolve',
  by: string,
  note = '',
): Promise<string> {
  const res = await clients.for(cfg).request({
    path: `/api/v2/incidents/${encodeURIComponent(incident)}/${action}`,
    method: 'POST',
    headers: { authorization: `Token ${cfg.apiToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ by, note }),
  });
  const text = await res.body.text();
  if (res.statusCode >= 300) return `:warning: ${incident}: ${res.statusCode} ${text.slice(0, 200)}`;
  return `:white_check_mark: ${incident} ${action === 'acknowledge' ? 'acknowledged' : 'resolved'} by @${by}`;
}

function makeHandler(bot: Bot, store: Pool, clients: IncidentClients) {
  return async (msg: MsgSummary): Promise<void> => {
    if (msg.content.type !== 'text' || !msg.content.text) return;
    const body = msg.content.text.body.trim();
    if (!body.startsWith('!')) return;

    const team = msg.channel.membersType === 'team' ? msg.channel.name : null;
    const reply = (text: string) => bot.chat.send(msg.conversationId, { body: text });
    if (!team) return void reply('I only work in team channels.');

    const [cmd, incident, ...rest] = body.split(/\s+/);
    switch (cmd) {
      case '!oncall': {
        const who = await whoIsOnCall(store, team);
        return void reply(who ? `@${who} is on call for ${team}` : `nobody is on call for ${team}!`);
      }
      case '!ack':
      case '!resolve': {
        if (!incident) return void reply(`usage: ${cmd} INC-123`);
        const cfg = await teamConfig(store, team);
        if (!cfg) return void reply(`${team} has no incident service configured`);
        const action = cmd === '!ack' ? 'acknowledge' : 'resolve';
        return void reply(await incidentAction(clients, cfg, incident, action, msg.sender.username ?? '?', rest.join(' ')));
      }
      case '!help':
        return void reply(HELP);
      default:
        return void reply(`unknown command ${cmd}\n${HELP}`);
    }
  };
}

async function main(): Promise<void> {
  const username = process.env.KB_USERNAME!;
  const paperkey = process.env.KB_PAPERKEY!;

  const store = await openStore(process.env.ONCALL_DATABASE_URL ?? 'postgres://oncall@localhost/oncall');
  const clients = new IncidentClients();

  const bot = new Bot();
  await bot.init(username, paperkey, { verbose: false });
  console.log(`logged in as ${bot.myInfo()?.username}`);

  const shutdown = async () => {
    await bot.deinit();
    await clients.closeAll();
    await store.end();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);

  const onMessage = makeHandler(bot, store, clients);
  await bot.chat.watchAllChannelsForNewMessages(
    (msg) => onMessage(msg).catch((err) => console.error('handler failed', err)),
    (err) => console.error('watch error', err),
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
