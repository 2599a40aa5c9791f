import type { Collection } from 'mongodb';
import { sinkFor } from './sinks';

export interface Device {
  _id: string; // management IP
  hostname: string;
  site: string;
  role: string;
}

interface Varbind {
  oid: string;
  type: number;
  value: unknown;
}

interface Notification {
  pdu: { type: number; varbinds: Varbind[] };
  rinfo: { address: string; port: number };
}

const SNMP_TRAP_OID = '1.3.6.1.6.3.1.1.4.1.0';

function render(value: unknown): string {
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  return String(value);
}

export function makeTrapHandler(devices: Collection<Device>) {
  // net-snmp calls this once per received trap / inform
  return async function onTrap(error: Error | null, notification: Notification | undefined): Promise<void> {
    if (error || !notification) {
      console.error('trap receive error', error);
      return;
    }
    const source = notification.rinfo.address;
    const device = await devices.findOne({ _id: source });
    const site = device?.site ?? 'fra1';
    const trapOid = notification.pdu.varbinds.find((v) => v.oid === SNMP_TRAP_OID);

    await sinkFor(site).insert({
      table: 'snmp_traps',
      format: 'JSONEachRow',
      values: [
        {
          received_at: Math.floor(Date.now() / 1000),
          source_ip: source,
          hostname: device?.hostname ?? '',
          role: device?.role ?? 'unknown',
          trap_oid: trapOid ? render(trapOid.value) : '',
          varbinds: notification.pdu.varbinds.map((v) => `${v.oid}=${render(v.value)}`),
        },
      ],
    });
  };
}
