import { randomUUID } from 'node:crypto';
import mysql from 'mysql2/promise';
import smpp, { type PDU, type Session } from 'smpp';
import type { Account } from '../auth.js';
import { pool, redis } from '../db.js';

const E164 = /^\+?[1-9]\d{7,14}$/;

function messageText(pdu: PDU): string {
  const sm = pdu.short_message;
  if (!sm) return '';
  if (typeof sm === 'string') return sm;
  if (Buffer.isBuffer(sm)) return sm.toString('latin1');
  return sm.message;
}

async function overRate(account: Account): Promise<boolean> {
  const key = `tps:${account.id}:${Math.floor(Date.now() / 1000)}`;
  const n = await redis.incr(key);
  if (n === 1) await redis.expire(key, 2);
  return n > account.tps_limit;
}

// Runs once for every submit_sm PDU on every bound session.
export async function onSubmitSm(session: Session, account: Account, pdu: PDU): Promise<void> {
  const destination = pdu.destination_addr ?? '';
  if (!E164.test(destination)) {
    session.send(pdu.response({ command_status: smpp.ESME_RINVDSTADR }));
    return;
  }
  if (await overRate(account)) {
    session.send(pdu.response({ command_status: smpp.ESME_RTHROTTLED }));
    return;
  }

  const messageId = randomUUID().replace(/-/g, '').slice(0, 16);
  const text = messageText(pdu);
  const segments = Math.max(1, Math.ceil(text.length / 153));

  await pool.execute(
    'INSERT INTO outbound_messages (message_id, account_id, source_addr, destination_addr, body, segments, wants_dlr, status) VALUES (?, ?, ?, ?, ?, ?, ?, "queued")',
    [messageId, account.id, pdu.source_addr ?? '', destination, text, segments, pdu.registered_delivery ? 1 : 0],
  );

  // Charge the partner's prepaid balance in the billing database.
  const billing = await mysql.createConnection(process.env.BILLING_DB_URL ?? 'mysql://billing:billing@127.0.0.1:3306/billing');
  await billing.execute(
    'UPDATE prepaid_balances SET credits = credits - ? WHERE billing_account = ?',
    [segments, account.billing_account],
  );

  await redis.lpush('carrier:outbound', JSON.stringify({ messageId, destination, text }));
  session.send(pdu.response({ message_id: messageId }));
}
