import Typesense from 'typesense'

export const search = new Typesense.Client({
  nodes: [{ host: process.env.TYPESENSE_HOST ?? '127.0.0.1', port: 8108, protocol: 'http' }],
  apiKey: process.env.TYPESENSE_API_KEY ?? '',
  connectionTimeoutSeconds: 5,
})

export async function indexAsset(id: string, path: string, kind: string): Promise<void> {
  await search.collections('assets').documents().upsert({ id, path, kind, name: path.split('/').pop() })
}

export async function dropAsset(id: string): Promise<void> {
  await search.collections('assets').documents(id).delete()
}
