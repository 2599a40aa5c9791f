import cassandra from 'cassandra-driver'

export async function connectStore(): Promise<cassandra.Client> {
  const client = new cassandra.Client({
    contactPoints: (process.env.CASSANDRA_CONTACT_POINTS ?? '127.0.0.1').split(','),
    localDataCenter: process.env.CASSANDRA_DC ?? 'dc1',
    keyspace: 'show_telemetry',
  })
  await client.connect()
  return client
}

export function makeRecorder(store: cassandra.Client) {
  const insert =
    'INSERT INTO control_events (venue, day, at, address, args) VALUES (?, ?, toTimestamp(now()), ?, ?)'
  return async (venue: string, address: string, args: unknown[]): Promise<void> => {
    const day = new Date().toISOString().slice(0, 10)
    await store.execute(insert, [venue, day, address, args.map(String)], { prepare: true })
  }
}
