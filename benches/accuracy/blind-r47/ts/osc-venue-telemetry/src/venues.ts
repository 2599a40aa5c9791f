import { readFileSync } from 'node:fs'
import { Redis } from 'ioredis'

interface VenueConfig {
  id: string
  redisUrl: string
}

const { venues } = JSON.parse(
  readFileSync(new URL('../config/venues.json', import.meta.url), 'utf8'),
) as { venues: VenueConfig[] }

const allowed = new Map(venues.map((v) => [v.id, v.redisUrl]))
const clients = new Map<string, Redis>()

// Each venue has its own show-control Redis (the FOH screens read from it).
// One client per known venue, created the first time that venue sends a message.
export function redisForVenue(venueId: string): Redis | undefined {
  const url = allowed.get(venueId)
  if (!url) return undefined
  let client = clients.get(venueId)
  if (!client) {
    client = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false })
    client.on('error', (err) => console.error(`[${venueId}] redis error`, err.message))
    clients.set(venueId, client)
  }
  return client
}

export async function closeVenueClients(): Promise<void> {
  await Promise.allSettled([...clients.values()].map((c) => c.quit()))
  clients.clear()
}
