import { connect, JSONCodec, type NatsConnection } from 'nats.ws';

let connection: Promise<NatsConnection> | null = null;

// One connection for the whole wallboard, shared by every panel.
export function getNats(): Promise<NatsConnection> {
  if (!connection) {
    connection = connect({
      servers: import.meta.env.VITE_NATS_WS_URL ?? 'wss://nats.depot.local:8443',
      token: import.meta.env.VITE_NATS_TOKEN,
      reconnect: true,
      maxReconnectAttempts: -1,
    });
  }
  return connection;
}

export const jc = JSONCodec();
