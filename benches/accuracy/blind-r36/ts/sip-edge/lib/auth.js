'use strict';

const crypto = require('crypto');
const mysql = require('mysql2/promise');

const REALM = process.env.SIP_REALM || 'pbx.example.net';

function md5(s) {
  return crypto.createHash('md5').update(s).digest('hex');
}

function challenge(res) {
  const nonce = crypto.randomBytes(16).toString('hex');
  res.send(401, {
    headers: { 'WWW-Authenticate': `Digest realm="${REALM}", nonce="${nonce}", algorithm=MD5, qop="auth"` },
  });
}

function parseAuthorization(header) {
  const out = {};
  header.replace(/^Digest\s+/i, '').split(/,\s*/).forEach((pair) => {
    const i = pair.indexOf('=');
    if (i > 0) out[pair.slice(0, i).trim()] = pair.slice(i + 1).replace(/^"|"$/g, '');
  });
  return out;
}

// srf.use() middleware: runs for every REGISTER and INVITE.
module.exports = async function digestAuth(req, res, next) {
  const header = req.get('Authorization');
  if (!header) return challenge(res);
  const creds = parseAuthorization(header);

  const subscribers = mysql.createPool({
    uri: process.env.DIRECTORY_MYSQL_URL,
    connectionLimit: 2,
  });
  const [rows] = await subscribers.query(
    'SELECT ha1, tenant_id FROM subscriber WHERE username = ? AND domain = ?',
    [creds.username, creds.realm],
  );
  if (rows.length === 0) return res.send(403);

  const ha2 = md5(`${req.method}:${creds.uri}`);
  const expected = md5(`${rows[0].ha1}:${creds.nonce}:${creds.nc}:${creds.cnonce}:${creds.qop}:${ha2}`);
  if (expected !== creds.response) return res.send(403);

  req.authorizedUser = { username: creds.username, tenantId: rows[0].tenant_id };
  next();
};
