import zulipInit, { type ZulipEvent, type ZulipMessage } from 'zulip-js';
import { commands } from './commands.js';
import { ensureMember } from './db.js';
import { allowCommand } from './ratelimit.js';

const zulip = await zulipInit({ zuliprc: process.env.ZULIPRC ?? './zuliprc' });
const me = await zulip.users.me.getProfile();

function replier(msg: ZulipMessage) {
  return async (content: string) => {
    if (msg.type === 'stream') {
      await zulip.messages.send({ type: 'stream', to: msg.display_recipient, topic: msg.subject, content });
    } else {
      await zulip.messages.send({ type: 'private', to: [msg.sender_id], content });
    }
  };
}

async function handleEvent(event: ZulipEvent): Promise<void> {
  const msg = event.message;
  if (event.type !== 'message' || !msg || msg.sender_id === me.user_id) return;

  const text = msg.content.replace(/@\*\*[^*]+\*\*/g, '').trim();
  const [name, ...rest] = text.split(/\s+/);
  const command = commands[name?.toLowerCase() ?? ''];
  if (!command) return;

  if (!(await allowCommand(msg.sender_id))) {
    await replier(msg)('Slow down a little, please.');
    return;
  }

  await ensureMember(msg.sender_id, msg.sender_email, msg.sender_full_name);
  try {
    await command(msg, rest.join(' '), replier(msg));
  } catch (err) {
    console.error('command failed', name, err);
    await replier(msg)('Something went wrong, the team has been notified.');
  }
}

console.log(`standup bot running as ${me.email}`);
await zulip.callOnEachEvent(handleEvent, ['message']);
