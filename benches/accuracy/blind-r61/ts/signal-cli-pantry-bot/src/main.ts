import net from 'node:net';
import readline from 'node:readline';
import { handleMessage } from './commands.js';

const HOST = process.env.SIGNAL_CLI_HOST ?? '127.0.0.1';
const PORT = Number(process.env.SIGNAL_CLI_PORT ?? 7583);
const GROUP_ID = process.env.PANTRY_GROUP_ID ?? '';

let nextId = 1;

function main(): void {
  const socket = net.createConnection({ host: HOST, port: PORT });
  socket.setEncoding('utf8');

  const rpc = (method: string, params: Record<string, unknown>) =>
    new Promise<void>((resolve, reject) => {
      const line = JSON.stringify({ jsonrpc: '2.0', id: nextId++, method, params }) + '\n';
      socket.write(line, (err) => (err ? reject(err) : resolve()));
    });

  const lines = readline.createInterface({ input: socket });
  lines.on('line', (line) => {
    const frame = JSON.parse(line);
    // signal-cli pushes one "receive" notification per incoming envelope.
    if (frame.method !== 'receive') return;
    const envelope = frame.params?.envelope;
    const data = envelope?.dataMessage;
    if (!data?.message || data.groupInfo?.groupId !== GROUP_ID) return;

    const reply = (text: string) => rpc('send', { groupId: GROUP_ID, message: text });
    handleMessage(
      { sender: envelope.sourceNumber ?? envelope.source, groupId: GROUP_ID, text: data.message },
      reply,
    ).catch((err) => console.error('command failed', err));
  });

  socket.on('connect', () => console.log(`connected to signal-cli at ${HOST}:${PORT}`));
  socket.on('close', () => {
    console.error('signal-cli connection closed; exiting so systemd restarts us');
    process.exit(1);
  });
}

main();
