import type { RowDataPacket } from 'mysql2/promise';
import type { Session } from 'smpp';
import { pool } from '../db.js';

export interface Receipt {
  messageId: string;
  carrierStatus: 'DELIVRD' | 'UNDELIV' | 'EXPIRED' | 'REJECTD';
  doneAt: string;
}

interface OutboundRow extends RowDataPacket {
  account_id: number;
  source_addr: string;
  destination_addr: string;
  wants_dlr: number;
}

// Called for every carrier receipt popped off the 'carrier:receipts' list.
export async function forwardReceipt(sessions: Map<number, Session>, receipt: Receipt): Promise<void> {
  const conn = await pool.getConnection();
  await conn.beginTransaction();
  const [rows] = await conn.query<OutboundRow[]>(
    'SELECT account_id, source_addr, destination_addr, wants_dlr FROM outbound_messages WHERE message_id = ? FOR UPDATE',
    [receipt.messageId],
  );
  const row = rows[0];
  if (!row) {
    await conn.rollback();
    return;
  }
  await conn.execute('UPDATE outbound_messages SET status = ?, done_at = ? WHERE message_id = ?', [
    receipt.carrierStatus.toLowerCase(),
    new Date(receipt.doneAt),
    receipt.messageId,
  ]);
  await conn.commit();
  conn.release();

  const session = sessions.get(row.account_id);
  if (!session || !row.wants_dlr) return;
  session.deliver_sm({
    source_addr: row.destination_addr,
    destination_addr: row.source_addr,
    esm_class: 0x04,
    receipted_message_id: receipt.messageId,
    short_message: `id:${receipt.messageId} stat:${receipt.carrierStatus}`,
  });
}
