import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { SMTPServerAddress, SMTPServerDataStream, SMTPServerSession } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
import { openMailboxDb, type Mailbox } from './store.js';
import { allowSender } from './ratelimit.js';
import { passesGreylist } from './greylist.js';

type Done = (err?: Error | null) => void;

function smtpError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode });
}

export function onMailFrom(address: SMTPServerAddress, session: SMTPServerSession, callback: Done) {
  allowSender(session.remoteAddress)
    .then((ok) => callback(ok ? null : smtpError('Too many messages, slow down', 421)))
    .catch(callback);
}

export function onRcptTo(address: SMTPServerAddress, session: SMTPServerSession, callback: Done) {
  (async () => {
    const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
    if (!(await passesGreylist(session.remoteAddress, from, address.address))) {
      throw smtpError('Greylisted, please try again later', 451);
    }
    const mongo = openMailboxDb();
    const box = await mongo
      .db('mail')
      .collection<Mailbox>('mailboxes')
      .findOne({ address: address.address.toLowerCase(), active: true });
    if (!box) throw smtpError(`No such user: ${address.address}`, 550);
  })().then(() => callback(), callback);
}

export function onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: Done) {
  (async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream as Readable) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    if (stream.sizeExceeded) throw smtpError('Message exceeds fixed maximum message size', 552);

    const parsed = await simpleParser(raw);
    const messageId = parsed.messageId ?? `<${randomUUID()}@inbound.local>`;

    const s3 = new S3Client({ region: process.env.AWS_REGION ?? 'eu-west-1' });
    for (const rcpt of session.envelope.rcptTo) {
      await s3.send(
        new PutObjectCommand({
          Bucket: process.env.MAIL_BUCKET ?? 'inbound-mail',
          Key: `${rcpt.address}/${Date.now()}-${encodeURIComponent(messageId)}.eml`,
          Body: raw,
          ContentType: 'message/rfc822',
          Metadata: { subject: (parsed.subject ?? '').slice(0, 200), from: parsed.from?.text ?? '' },
        }),
      );
    }
  })().then(() => callback(), callback);
}
