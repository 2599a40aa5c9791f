import Bot from 'keybase-bot';
import { MsgSummary } from 'keybase-bot/lib/types/chat1';
import { pool } from './db';
import { orderStatus } from './commands/status';
import { issueRefund } from './commands/refund';
import { trackParcel } from './commands/track';

const bot = new Bot();
const ALLOWED_TEAM = process.env.KB_SUPPORT_TEAM ?? 'acmeshop.support';

async function handleMessage(message: MsgSummary): Promise<void> {
  if (message.content.type !== 'text') return;
  if (message.channel.name !== ALLOWED_TEAM) return;
  const body = message.content.text?.body?.trim() ?? '';
  if (!body.startsWith('!')) return;

  const [command, ...args] = body.slice(1).split(/\s+/);
  let reply: string;
  try {
    switch (command) {
      case 'status':
        reply = await orderStatus(args[0]);
        break;
      case 'refund':
        reply = await issueRefund(args[0], Math.round(Number(args[1]) * 100), message.sender.username ?? 'unknown');
        break;
      case 'track':
        reply = await trackParcel(args[0]);
        break;
      default:
        reply = 'Commands: !status <order>, !refund <order> <amount>, !track <order>';
    }
  } catch (err) {
    console.error(`command ${command} failed`, err);
    reply = `Sorry, ${command} failed.`;
  }
  await bot.chat.send(message.conversationId, { body: reply });
}

async function main(): Promise<void> {
  await bot.init(process.env.KB_USERNAME ?? 'shopbot', process.env.KB_PAPERKEY ?? '', { verbose: false });
  await bot.chat.advertiseCommands({
    advertisements: [
      {
        type: 'public',
        commands: [
          { name: 'status', description: 'Order status', usage: '<order>' },
          { name: 'refund', description: 'Refund part of an order', usage: '<order> <amount>' },
          { name: 'track', description: 'Track the parcel', usage: '<order>' },
        ],
      },
    ],
  });
  console.log('listening for support messages');
  await bot.chat.watchAllChannelsForNewMessages(handleMessage, (err) => console.error(err));
}

async function shutDown(): Promise<void> {
  await bot.deinit();
  await pool.end();
  process.exit(0);
}

process.on('SIGINT', shutDown);
process.on('SIGTERM', shutDown);

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
