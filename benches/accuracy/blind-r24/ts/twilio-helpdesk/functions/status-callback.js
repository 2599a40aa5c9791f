'use strict';

const { getSharedPool } = require(Runtime.getFunctions()['lib/db'].path);

const TERMINAL = new Set(['delivered', 'undelivered', 'failed', 'read']);

// Message status webhook configured on the Messaging Service.
exports.handler = async function (context, event, callback) {
  const sid = event.MessageSid;
  const status = event.MessageStatus;

  if (!sid || !status) {
    return callback(null, { ignored: true });
  }

  const pool = getSharedPool(context);
  const conn = await pool.getConnection();

  try {
    await conn.beginTransaction();
    const [rows] = await conn.query(
      'SELECT id, status FROM outbound_messages WHERE message_sid = ? FOR UPDATE',
      [sid]
    );
    if (rows.length === 0) {
      await conn.rollback();
      conn.release();
      return callback(null, { unknown: sid });
    }

    await conn.execute(
      'UPDATE outbound_messages SET status = ?, error_code = ?, updated_at = NOW() WHERE id = ?',
      [status, event.ErrorCode || null, rows[0].id]
    );
    if (TERMINAL.has(status)) {
      await conn.execute(
        'INSERT INTO delivery_metrics (message_id, final_status, recorded_at) VALUES (?, ?, NOW())',
        [rows[0].id, status]
      );
    }
    await conn.commit();
    conn.release();
    return callback(null, { ok: true });
  } catch (err) {
    console.error('status callback failed', sid, err);
    return callback(err);
  }
};
