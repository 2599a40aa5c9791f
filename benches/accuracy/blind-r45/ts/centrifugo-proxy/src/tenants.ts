import couchbase, { type Cluster, type Collection } from 'couchbase'

// Each tenant has its own Capella cluster; only tenants listed here are served.
const ALLOWED_TENANTS = new Set(
  (process.env.TENANTS ?? '').split(',').map((t) => t.trim()).filter(Boolean),
)

const clusters = new Map<string, Promise<Cluster>>()

function clusterFor(tenant: string): Promise<Cluster> {
  if (!ALLOWED_TENANTS.has(tenant)) {
    return Promise.reject(new Error(`unknown tenant ${tenant}`))
  }
  let cluster = clusters.get(tenant)
  if (!cluster) {
    cluster = couchbase.connect(`couchbases://cb.${tenant}.cloud.couchbase.com`, {
      username: process.env.CB_USER ?? 'kanban',
      password: process.env[`CB_PASSWORD_${tenant.toUpperCase()}`] ?? '',
      configProfile: 'wanDevelopment',
    })
    cluster.catch(() => clusters.delete(tenant))
    clusters.set(tenant, cluster)
  }
  return cluster
}

export async function cards(tenant: string): Promise<Collection> {
  const cluster = await clusterFor(tenant)
  return cluster.bucket('kanban').scope('boards').collection('cards')
}

export async function closeAllTenants(): Promise<void> {
  const all = [...clusters.values()]
  clusters.clear()
  await Promise.allSettled(all.map(async (c) => (await c).close()))
}
