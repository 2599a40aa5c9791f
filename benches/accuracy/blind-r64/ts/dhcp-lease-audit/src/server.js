import dhcp from 'dhcp';
import { onDhcpMessage } from './audit.js';
import { pool } from './db.js';

const server = dhcp.createServer({
  range: [process.env.RANGE_START ?? '10.42.8.20', process.env.RANGE_END ?? '10.42.11.250'],
  netmask: '255.255.252.0',
  router: [process.env.ROUTER ?? '10.42.8.1'],
  dns: ['10.42.0.53', '10.42.0.54'],
  server: process.env.SERVER_IP ?? '10.42.8.2',
  leaseTime: 4 * 3600,
  forceOptions: ['hostname'],
});

server.on('message', (msg) => {
  onDhcpMessage(msg).catch((err) => console.error('[audit] failed', msg.chaddr, err));
});

server.on('listening', (sock) => {
  const address = sock.address();
  console.log(`DHCP server listening on ${address.address}:${address.port}`);
});

server.on('error', (err) => console.error('[dhcp]', err));

const shutdown = () => {
  server.close();
  pool.end().finally(() => process.exit(0));
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);

server.listen();
