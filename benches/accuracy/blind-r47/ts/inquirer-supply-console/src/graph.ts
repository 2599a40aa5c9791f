import neo4j, { type Driver } from 'neo4j-driver'

export interface SupplierHit {
  name: string
  country: string
  tier: number
}

export async function findSuppliers(driver: Driver, partNumber: string): Promise<SupplierHit[]> {
  const session = driver.session({ database: 'supply', defaultAccessMode: neo4j.session.READ })
  try {
    const result = await session.executeRead((tx) =>
      tx.run(
        `MATCH (p:Part {number: $partNumber})<-[:SUPPLIES*1..3]-(s:Supplier)
         RETURN DISTINCT s.name AS name, s.country AS country, s.tier AS tier
         ORDER BY tier, name`,
        { partNumber },
      ),
    )
    return result.records.map((r) => ({
      name: r.get('name'),
      country: r.get('country'),
      tier: neo4j.integer.toNumber(r.get('tier')),
    }))
  } finally {
    await session.close()
  }
}

export async function markSupplierBlocked(driver: Driver, name: string, reason: string): Promise<number> {
  const session = driver.session({ database: 'supply' })
  try {
    const result = await session.executeWrite((tx) =>
      tx.run(
        `MATCH (s:Supplier {name: $name})
         SET s.blocked = true, s.blockedReason = $reason, s.blockedAt = datetime()
         RETURN count(s) AS n`,
        { name, reason },
      ),
    )
    return neo4j.integer.toNumber(result.records[0].get('n'))
  } finally {
    await session.close()
  }
}
