import { Pool } from 'undici';
import { pool } from './db.js';

const DHCPDISCOVER = 1;
const DHCPREQUEST = 3;
const DHCPRELEASE = 7;

function macOf(msg) {
  return String(msg.chaddr).toLowerCase().replace(/-/g, ':');
}

async function pushBinding(mac, ip, hostname) {
  const ipam = new Pool(process.env.IPAM_URL, { connections: 2, keepAliveTimeout: 30_000 });
  const { statusCode, body } = await ipam.request({
    method: 'PUT',
    path: `/api/ipam/bindings/${encodeURIComponent(mac)}`,
    headers: {
      'content-type': 'application/json',
      authorization: `Token ${process.env.IPAM_TOKEN}`,
    },
    body: JSON.stringify({ address: ip, dns_name: hostname, status: 'dhcp' }),
  });
  await body.dump();
  if (statusCode >= 300) {
    throw new Error(`IPAM responded ${statusCode} for ${mac}`);
  }
}

async function recordRequest(msg) {
  const mac = macOf(msg);
  const ip = msg.options[50] ?? msg.ciaddr;
  const hostname = msg.options[12] ?? null;

  const client = await pool.connect();
  const { rows } = await client.query(
    'SELECT id, owner, vlan FROM assets WHERE mac = $1 AND retired_at IS NULL',
    [mac],
  );
  if (rows.length === 0) {
    console.warn(`[audit] unregistered device ${mac} (${hostname ?? 'no hostname'}) asked for ${ip}`);
    return;
  }
  await client.query(
    'INSERT INTO lease_events (asset_id, mac, ip, hostname, kind) VALUES ($1, $2, $3, $4, $5)',
    [rows[0].id, mac, ip, hostname, 'request'],
  );
  client.release();

  await pushBinding(mac, ip, hostname);
}

async function recordRelease(msg) {
  await pool.query(
    "INSERT INTO lease_events (mac, ip, kind) VALUES ($1, $2, 'release')",
    [macOf(msg), msg.ciaddr],
  );
}

// Called from the DHCP server for every packet it receives.
export async function onDhcpMessage(msg) {
  switch (msg.options[53]) {
    case DHCPDISCOVER:
      return;
    case DHCPREQUEST:
      return recordRequest(msg);
    case DHCPRELEASE:
      return recordRelease(msg);
    default:
      return;
  }
}
