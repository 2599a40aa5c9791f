import { Redis } from 'ioredis';

// Setpoint changes are fanned out to the operator dashboard over pub/sub.
const publisher = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0', {
  connectionName: 'modbus-gw-audit',
});

export interface SetpointChange {
  unit: number;
  addr: number;
  previous: number;
  value: number;
  peer: string;
  at: string;
}

export async function announce(change: SetpointChange): Promise<void> {
  await publisher.publish('bms:setpoint-changes', JSON.stringify(change));
  await publisher.xadd(
    'bms:setpoint-log',
    'MAXLEN',
    '~',
    '50000',
    '*',
    'unit',
    String(change.unit),
    'addr',
    String(change.addr),
    'value',
    String(change.value),
  );
}

export async function closeAudit(): Promise<void> {
  await publisher.quit();
}
