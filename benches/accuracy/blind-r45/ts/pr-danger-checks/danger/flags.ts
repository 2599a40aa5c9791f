import { MongoClient } from 'mongodb'

const FLAG_RE = /isEnabled\(\s*['"]([a-z0-9_.-]+)['"]/g

export function referencedFlags(diff: string): string[] {
  const added = diff.split('\n').filter((l) => l.startsWith('+') && !l.startsWith('+++')).join('\n')
  return [...new Set([...added.matchAll(FLAG_RE)].map((m) => m[1]))]
}

/** Returns the subset of `names` that are not defined in the flag service. */
export async function unknownFlags(names: string[]): Promise<string[]> {
  if (names.length === 0) return []
  const client = new MongoClient(process.env.FLAGS_MONGO_URL ?? 'mongodb://127.0.0.1:27017', {
    readPreference: 'secondaryPreferred',
    serverSelectionTimeoutMS: 5000,
  })
  try {
    await client.connect()
    const found = await client
      .db('flags')
      .collection<{ key: string }>('definitions')
      .find({ key: { $in: names } }, { projection: { key: 1 } })
      .toArray()
    const known = new Set(found.map((f) => f.key))
    return names.filter((n) => !known.has(n))
  } finally {
    await client.close()
  }
}
