'use strict';

// After DATA: enforce per-team monthly quota and archive the raw message to S3.

const mysql = require('mysql2/promise');
const { S3Client, PutObjectCommand } = require('@aws-sdk/client-s3');
const constants = require('haraka-constants');

const ARCHIVE_BUCKET = process.env.ARCHIVE_BUCKET || 'acme-helpdesk-mail-archive';

exports.register = function () {
  // quota counters live in the same helpdesk schema as the mailboxes
  this.db = mysql.createPool({
    host: process.env.HELPDESK_DB_HOST || 'mysql.internal',
    user: 'haraka',
    password: process.env.HELPDESK_DB_PASSWORD,
    database: 'helpdesk',
    connectionLimit: 5,
  });
  this.register_hook('data_post', 'enforce_and_archive');
};

function readMessage(txn) {
  return new Promise((resolve) => {
    txn.message_stream.get_data((buf) => resolve(buf));
  });
}

exports.enforce_and_archive = async function (next, connection) {
  const txn = connection.transaction;
  const boxes = txn.notes.mailboxes || [];
  if (boxes.length === 0) return next();

  const teamIds = [...new Set(boxes.map((b) => b.teamId))];
  const [rows] = await this.db.query(
    'SELECT team_id, used, monthly_limit FROM mail_quota WHERE team_id IN (?)',
    [teamIds],
  );
  const over = rows.find((r) => r.used >= r.monthly_limit);
  if (over) {
    return next(constants.DENYSOFT, `Team ${over.team_id} is over its monthly mail quota`);
  }

  const raw = await readMessage(txn);
  const s3 = new S3Client({ region: process.env.AWS_REGION || 'eu-west-1' });
  const key = `${new Date().toISOString().slice(0, 10)}/${txn.uuid}.eml`;
  try {
    await s3.send(new PutObjectCommand({
      Bucket: ARCHIVE_BUCKET,
      Key: key,
      Body: raw,
      ContentType: 'message/rfc822',
    }));
  } catch (err) {
    connection.logerror(this, `archive failed for ${txn.uuid}: ${err.message}`);
    return next(constants.DENYSOFT, 'Temporary storage problem');
  }

  await this.db.query('UPDATE mail_quota SET used = used + 1 WHERE team_id IN (?)', [teamIds]);
  txn.notes.archive_key = key;
  return next();
};

exports.shutdown = function () {
  if (this.db) this.db.end();
};
