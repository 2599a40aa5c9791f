import Redis from 'ioredis'

// TENANT_REDIS_URLS="acme=redis://cache-acme:6379,globex=redis://cache-globex:6379"
const configured = new Map<string, string>(
  (process.env.TENANT_REDIS_URLS ?? '')
    .split(',')
    .filter(Boolean)
    .map((pair) => pair.split('=') as [string, string]),
)

const clients = new Map<string, Redis>()

// One connection per configured tenant, created on first use and kept for the pod's life.
export function redisFor(tenant: string): Redis {
  const url = configured.get(tenant)
  if (!url) throw new Error(`unknown tenant ${tenant}`)
  let client = clients.get(tenant)
  if (!client) {
    client = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2 })
    clients.set(tenant, client)
  }
  return client
}

export async function closeTenantClients(): Promise<void> {
  await Promise.allSettled([...clients.values()].map((c) => c.quit()))
  clients.clear()
}
