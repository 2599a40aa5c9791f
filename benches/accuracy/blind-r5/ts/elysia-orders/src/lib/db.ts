import postgres from 'postgres'

// Small helper so every route gets the same connection options.
export function openDb() {
  return postgres(process.env.DATABASE_URL!, {
    max: 5,
    idle_timeout: 20,
    connect_timeout: 10,
    transform: postgres.camel,
  })
}

export type Order = {
  id: string
  customerId: string
  totalCents: number
  status: 'pending' | 'paid' | 'shipped' | 'cancelled'
}
