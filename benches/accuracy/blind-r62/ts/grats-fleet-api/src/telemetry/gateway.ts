import { Pool } from 'undici';

// The telematics box vendor exposes a small REST gateway on the LAN.
export function telematicsClient(): Pool {
  return new Pool(process.env.TELEMATICS_GATEWAY_URL ?? 'http://10.20.0.5:8088', {
    connections: 8,
    keepAliveTimeout: 30_000,
  });
}
