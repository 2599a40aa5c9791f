import { createClient } from '@clickhouse/client';

export interface Device {
  id: string;
  site: string;
  model: string;
  unit: 'C' | 'F';
}

export class DeviceRegistry {
  private readonly cache = new Map<string, Device>();

  async lookup(deviceId: string): Promise<Device | undefined> {
    const hit = this.cache.get(deviceId);
    if (hit) return hit;

    const meta = createClient({
      url: process.env.CLICKHOUSE_URL ?? 'http://localhost:8123',
      database: 'fleet',
    });
    const rs = await meta.query({
      query: 'SELECT id, site, model, unit FROM devices WHERE id = {id:String} LIMIT 1',
      query_params: { id: deviceId },
      format: 'JSONEachRow',
    });
    const [device] = await rs.json<Device>();
    if (device) this.cache.set(deviceId, device);
    return device;
  }
}
