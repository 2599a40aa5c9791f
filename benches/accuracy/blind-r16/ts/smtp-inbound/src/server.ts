import { readFileSync } from 'node:fs';
import { SMTPServer } from 'smtp-server';
import { onData, onMailFrom, onRcptTo } from './handlers.js';

const server = new SMTPServer({
  name: process.env.MX_HOSTNAME ?? 'mx1.example.com',
  banner: 'inbound ESMTP',
  authOptional: true,
  disabledCommands: ['AUTH'],
  size: 25 * 1024 * 1024,
  key: process.env.TLS_KEY ? readFileSync(process.env.TLS_KEY) : undefined,
  cert: process.env.TLS_CERT ? readFileSync(process.env.TLS_CERT) : undefined,
  onMailFrom,
  onRcptTo,
  onData,
});

server.on('error', (err) => console.error('smtp error', err));
server.listen(Number(process.env.SMTP_PORT ?? 25), () => {
  console.log('inbound SMTP ready');
});
