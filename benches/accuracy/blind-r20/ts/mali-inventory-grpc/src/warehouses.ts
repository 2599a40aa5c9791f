import { Pool } from 'undici';

const WMS_ENDPOINTS: Record<string, string> = {
  'ams-1': 'https://wms-ams.internal.example.com',
  'fra-2': 'https://wms-fra.internal.example.com',
  'lhr-1': 'https://wms-lhr.internal.example.com',
};

const clients = new Map<string, Pool>();

export function wmsClient(warehouseId: string): Pool {
  const origin = WMS_ENDPOINTS[warehouseId];
  if (!origin) throw new Error(`unknown warehouse ${warehouseId}`);
  let client = clients.get(warehouseId);
  if (!client) {
    client = new Pool(origin, { connections: 8, pipelining: 1 });
    clients.set(warehouseId, client);
  }
  return client;
}

export async function inboundUnits(warehouseId: string, sku: string): Promise<number> {
  const { statusCode, body } = await wmsClient(warehouseId).request({
    method: 'GET',
    path: `/api/inbound?sku=${encodeURIComponent(sku)}`,
  });
  if (statusCode !== 200) {
    await body.dump();
    return 0;
  }
  const data = (await body.json()) as { units: number };
  return data.units;
}

export async function closeWarehouseClients(): Promise<void> {
  await Promise.all([...clients.values()].map((c) => c.close()));
  clients.clear();
}
