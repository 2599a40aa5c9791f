import { TeamSpeak, QueryProtocol, TextMessageTargetMode } from 'ts3-nodejs-library';
import { commands } from './commands';
import { openVisit, closeVisit } from './stats';
import { markSeen } from './presence';

async function main(): Promise<void> {
  const teamspeak = await TeamSpeak.connect({
    host: process.env.TS3_HOST ?? '127.0.0.1',
    protocol: QueryProtocol.RAW,
    queryport: Number(process.env.TS3_QUERY_PORT ?? 10011),
    serverport: Number(process.env.TS3_SERVER_PORT ?? 9987),
    username: process.env.TS3_QUERY_USER ?? 'serveradmin',
    password: process.env.TS3_QUERY_PASSWORD ?? '',
    nickname: 'ActivityBot',
    keepAlive: true,
  });

  await Promise.all([
    teamspeak.registerEvent('server'),
    teamspeak.registerEvent('textserver'),
    teamspeak.registerEvent('textprivate'),
  ]);

  teamspeak.on('clientconnect', async ({ client }) => {
    if (client.type === 1) return; // ServerQuery clients
    try {
      const channel = await teamspeak.getChannelById(client.cid);
      await openVisit(client.uniqueIdentifier, client.nickname);
      await markSeen(client.uniqueIdentifier, client.nickname, channel?.name ?? 'unknown');
    } catch (err) {
      console.error('clientconnect handler failed', err);
    }
  });

  teamspeak.on('clientdisconnect', async ({ client }) => {
    if (!client || client.type === 1) return;
    try {
      await closeVisit(client.uniqueIdentifier);
    } catch (err) {
      console.error('clientdisconnect handler failed', err);
    }
  });

  teamspeak.on('textmessage', async ({ invoker, msg, targetmode }) => {
    if (invoker.type === 1) return;
    const [name, ...args] = msg.trim().split(/\s+/);
    const command = commands[name.toLowerCase()];
    if (!command) return;
    try {
      const reply = await command(args, invoker);
      if (targetmode === TextMessageTargetMode.CLIENT) {
        await invoker.message(reply);
      } else {
        await teamspeak.sendTextMessage(0, TextMessageTargetMode.SERVER, reply);
      }
    } catch (err) {
      console.error(`command ${name} failed`, err);
    }
  });

  teamspeak.on('error', (err) => console.error('teamspeak error', err));
  teamspeak.on('close', async () => {
    console.warn('query connection closed, reconnecting');
    await teamspeak.reconnect(-1, 5000);
  });

  console.info('ActivityBot online');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
