import { ImapFlow } from 'imapflow';
import { simpleParser } from 'mailparser';
import { processInvoiceMail } from './invoices.js';
import { closePool } from './db.js';
import { transporter } from './mailer.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function makeImap() {
  return new ImapFlow({
    host: process.env.IMAP_HOST ?? 'imap.example.com',
    port: 993,
    secure: true,
    auth: { user: process.env.IMAP_USER!, pass: process.env.IMAP_PASS! },
    logger: false,
  });
}

async function connectWithRetry(): Promise<ImapFlow> {
  for (let attempt = 1; attempt <= 6; attempt++) {
    const client = makeImap();
    try {
      await client.connect();
      return client;
    } catch (err) {
      console.warn(`IMAP connect failed (attempt ${attempt})`, err);
      client.close();
      await sleep(2_000 * attempt);
    }
  }
  throw new Error('could not connect to IMAP');
}

let draining = false;

async function drain(client: ImapFlow) {
  if (draining) return;
  draining = true;
  try {
    const uids = await client.search({ seen: false }, { uid: true });
    if (!uids || uids.length === 0) return;
    for await (const msg of client.fetch(uids, { uid: true, source: true }, { uid: true })) {
      const parsed = await simpleParser(msg.source!);
      try {
        await processInvoiceMail(parsed);
        await client.messageFlagsAdd(String(msg.uid), ['\\Seen'], { uid: true });
      } catch (err) {
        console.error(`failed to process uid ${msg.uid}`, err);
        await client.messageMove(String(msg.uid), 'INBOX/Failed', { uid: true });
      }
    }
  } finally {
    draining = false;
  }
}

async function main() {
  const client = await connectWithRetry();
  await client.mailboxOpen('INBOX');

  client.on('exists', (data: { path: string; count: number; prevCount: number }) => {
    if (data.count > data.prevCount) void drain(client);
  });
  client.on('close', async () => {
    console.error('IMAP connection closed, exiting for supervisor restart');
    await closePool();
    transporter.close();
    process.exit(1);
  });

  await drain(client);

  const shutdown = async () => {
    await client.logout();
    await closePool();
    transporter.close();
    process.exit(0);
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
