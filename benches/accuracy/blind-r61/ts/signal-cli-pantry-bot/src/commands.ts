import Redis from 'ioredis';
import { shoppingList } from './db.js';
import { adjustQuantity } from './inventory/store.js';

export interface IncomingMessage {
  sender: string;
  groupId: string;
  text: string;
}

type Reply = (text: string) => Promise<void>;

const USAGE = 'Commands: !add <item> [n], !used <item> [n], !list';

// Called by main.ts for every "receive" notification that carries group text.
export async function handleMessage(msg: IncomingMessage, reply: Reply): Promise<void> {
  if (!msg.text.startsWith('!')) return;

  const limiter = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const hits = await limiter.incr(`pantry:rate:${msg.sender}`);
  await limiter.expire(`pantry:rate:${msg.sender}`, 60);
  limiter.disconnect();
  if (hits > 20) return;

  const [cmd, ...rest] = msg.text.trim().split(/\s+/);
  const qty = Number.isFinite(Number(rest.at(-1))) && rest.length > 1 ? Number(rest.pop()) : 1;
  const item = rest.join(' ');

  switch (cmd) {
    case '!add': {
      const left = await adjustQuantity(msg.groupId, item, qty, msg.sender);
      await reply(`${item}: now ${left}`);
      break;
    }
    case '!used': {
      const left = await adjustQuantity(msg.groupId, item, -qty, msg.sender);
      await reply(left === 0 ? `${item}: all gone, added to the list` : `${item}: ${left} left`);
      break;
    }
    case '!list': {
      const missing = await shoppingList(msg.groupId);
      await reply(missing.length ? `Shopping list:\n- ${missing.join('\n- ')}` : 'Nothing to buy.');
      break;
    }
    default:
      await reply(USAGE);
  }
}
