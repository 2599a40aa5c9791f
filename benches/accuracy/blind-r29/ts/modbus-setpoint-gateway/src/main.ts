import ModbusRTU from 'modbus-serial';
import { makeVector } from './registers.js';
import { closeCache } from './cache.js';
import { closeAudit } from './audit.js';

const host = process.env.MODBUS_HOST ?? '0.0.0.0';
const port = Number(process.env.MODBUS_PORT ?? 502);
const unitID = Number(process.env.MODBUS_UNIT ?? 1);

const vector = makeVector(process.env.GATEWAY_NAME ?? 'gw-1');

const server = new ModbusRTU.ServerTCP(vector, {
  host,
  port,
  unitID,
  debug: process.env.NODE_ENV !== 'production',
});

server.on('initialized', () => {
  console.log(`modbus gateway listening on ${host}:${port} (unit ${unitID})`);
});

server.on('socketError', (err: Error) => {
  console.error('modbus socket error', err);
});

server.on('serverError', (err: Error) => {
  console.error('modbus server error', err);
});

async function shutdown(signal: string): Promise<void> {
  console.log(`received ${signal}, closing`);
  server.close(() => undefined);
  await Promise.allSettled([closeCache(), closeAudit()]);
  process.exit(0);
}

process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
