import couchbase, { type Collection } from 'couchbase'

export interface AssetDoc {
  path: string
  kind: string
  bytes: number
  modifiedAt: string
}

export async function catalog(): Promise<Collection> {
  const cluster = await couchbase.connect(process.env.CB_CONNSTR ?? 'couchbase://127.0.0.1', {
    username: process.env.CB_USER ?? 'assets',
    password: process.env.CB_PASSWORD ?? '',
    timeouts: { kvTimeout: 5000 },
  })
  return cluster.bucket('design-assets').scope('catalog').collection('files')
}
