import * as Misskey from 'misskey-js';
import WebSocket from 'ws';
import { commands } from './commands/index.js';
import { takeCooldown, noteFollower } from './cooldown.js';

const origin = process.env.MISSKEY_ORIGIN ?? 'https://misskey.example';
const token = process.env.MISSKEY_TOKEN ?? '';

const api = new Misskey.api.APIClient({ origin, credential: token });
const stream = new Misskey.Stream(origin, { token }, { WebSocket });
const main = stream.useChannel('main');

main.on('mention', async (note) => {
  if (!note.text || note.user.isBot) return;
  const words = note.text.replace(/@\S+/g, '').trim().split(/\s+/);
  const [name, ...args] = words;
  const command = commands[name?.toLowerCase() ?? ''];
  if (!command) return;
  if (!(await takeCooldown(note.userId))) return;

  try {
    await command({
      note,
      args,
      reply: async (text) => {
        await api.request('notes/create', { text, replyId: note.id, visibility: note.visibility });
      },
    });
  } catch (err) {
    console.error(`command ${name} failed`, err);
  }
});

main.on('followed', async (user) => {
  await noteFollower(user.id);
  await api.request('following/create', { userId: user.id });
});

stream.on('_connected_', () => console.log('stream connected'));
stream.on('_disconnected_', () => console.warn('stream disconnected; misskey-js will reconnect'));
