'use strict';

const mysql = require('mysql2/promise');
const { pool } = require('../db');

// Called by Etherpad after every accepted changeset.
exports.padUpdate = async (hookName, { pad, authorId, revs }) => {
  const audit = await mysql.createConnection({
    host: process.env.AUDIT_MYSQL_HOST,
    user: process.env.AUDIT_MYSQL_USER,
    password: process.env.AUDIT_MYSQL_PASSWORD,
    database: 'etherpad_audit',
  });
  await audit.execute(
    'INSERT INTO pad_edits (pad_id, author_id, rev, edited_at) VALUES (?, ?, ?, NOW())',
    [pad.id, authorId || null, revs],
  );
  await audit.end();

  await pool.query(
    `INSERT INTO pad_stats (pad_id, revisions, last_author, updated_at)
     VALUES ($1, $2, $3, now())
     ON CONFLICT (pad_id) DO UPDATE
       SET revisions = EXCLUDED.revisions, last_author = EXCLUDED.last_author, updated_at = now()`,
    [pad.id, revs, authorId || null],
  );
};

// Called when a pad is deleted: archive its stats row, then remove it.
exports.padRemove = async (hookName, { padID }) => {
  const client = await pool.connect();
  await client.query('BEGIN');
  await client.query(
    'INSERT INTO pad_stats_archive SELECT *, now() FROM pad_stats WHERE pad_id = $1',
    [padID],
  );
  await client.query('DELETE FROM pad_stats WHERE pad_id = $1', [padID]);
  await client.query('COMMIT');
  client.release();
};
