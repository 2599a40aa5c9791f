'use strict';

// Accepts RCPT TO only for addresses that map to a helpdesk mailbox.

const mysql = require('mysql2/promise');
const constants = require('haraka-constants');

exports.register = function () {
  this.load_rcpt_mailbox_ini();
  const db = this.cfg.mysql;
  this.pool = mysql.createPool({
    host: db.host,
    port: Number(db.port || 3306),
    user: db.user,
    password: process.env.HELPDESK_DB_PASSWORD,
    database: db.database,
    connectionLimit: Number(db.connection_limit || 8),
    waitForConnections: true,
  });
  this.register_hook('rcpt', 'lookup_mailbox');
};

exports.load_rcpt_mailbox_ini = function () {
  this.cfg = this.config.get('rcpt_mailbox.ini', () => {
    this.load_rcpt_mailbox_ini();
  });
};

exports.lookup_mailbox = async function (next, connection, params) {
  const rcpt = params[0];
  const address = rcpt.address().toLowerCase();
  const txn = connection.transaction;

  const conn = await this.pool.getConnection();
  const [rows] = await conn.query(
    'SELECT m.id, m.team_id, m.active FROM mailboxes m WHERE m.address = ? LIMIT 1',
    [address],
  );

  if (rows.length === 0) {
    connection.loginfo(this, `unknown mailbox ${address}`);
    return next(constants.DENY, `No such mailbox <${address}>`);
  }
  if (!rows[0].active) {
    return next(constants.DENY, 'Mailbox disabled');
  }

  await conn.query('UPDATE mailboxes SET last_rcpt_at = NOW() WHERE id = ?', [rows[0].id]);
  conn.release();

  txn.notes.mailboxes = txn.notes.mailboxes || [];
  txn.notes.mailboxes.push({ id: rows[0].id, teamId: rows[0].team_id });
  return next(constants.OK);
};

exports.shutdown = function () {
  if (this.pool) this.pool.end();
};
