import dgram from 'node:dgram';
import radius from 'radius';
import { createPool } from './lib/db.js';

const SECRET = process.env.RADIUS_SECRET;
const PORT = Number(process.env.RADIUS_ACCT_PORT ?? 1813);

const pool = await createPool('radius-acct', { max: 8 });
const server = dgram.createSocket('udp4');

async function recordAccounting(attrs, nasIp) {
  const status = attrs['Acct-Status-Type'];
  const params = [
    attrs['Acct-Session-Id'],
    attrs['User-Name'],
    nasIp,
    attrs['Framed-IP-Address'] ?? null,
    Number(attrs['Acct-Input-Octets'] ?? 0),
    Number(attrs['Acct-Output-Octets'] ?? 0),
  ];
  if (status === 'Start') {
    await pool.query(
      `INSERT INTO radius_sessions (session_id, username, nas_ip, framed_ip, input_octets, output_octets, started_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, now(), now()) ON CONFLICT (session_id) DO NOTHING`,
      params,
    );
  } else if (status === 'Interim-Update' || status === 'Stop') {
    await pool.query(
      `UPDATE radius_sessions
          SET input_octets = $5, output_octets = $6, framed_ip = coalesce($4, framed_ip), updated_at = now(),
              stopped_at = CASE WHEN $7 THEN now() ELSE stopped_at END
        WHERE session_id = $1 AND username = $2 AND nas_ip = $3`,
      [...params, status === 'Stop'],
    );
  }
}

server.on('message', (msg, rinfo) => {
  let packet;
  try {
    packet = radius.decode({ packet: msg, secret: SECRET });
  } catch (err) {
    console.warn(`undecodable packet from ${rinfo.address}: ${err.message}`);
    return;
  }
  if (packet.code !== 'Accounting-Request') return;

  recordAccounting(packet.attributes, rinfo.address)
    .then(() => {
      const response = radius.encode_response({ packet, code: 'Accounting-Response', secret: SECRET });
      server.send(response, 0, response.length, rinfo.port, rinfo.address);
    })
    .catch((err) => {
      // No response: the NAS retransmits the request.
      console.error(`accounting write failed for ${packet.attributes['Acct-Session-Id']}`, err);
    });
});

server.on('listening', () => console.info(`RADIUS accounting listening on udp/${PORT}`));
server.bind(PORT);

process.on('SIGTERM', () => {
  server.close(async () => {
    await pool.end();
    process.exit(0);
  });
});
