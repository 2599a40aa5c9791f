import neo4j from 'neo4j-driver'
import type { QueryResolvers } from 'types/graphql'

import { db } from 'src/lib/db'
import { logger } from 'src/lib/logger'

export const recommendedFor: QueryResolvers['recommendedFor'] = async ({ sku }) => {
  const driver = neo4j.driver(
    process.env.NEO4J_URI ?? 'neo4j://localhost:7687',
    neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? '')
  )
  const session = driver.session({ defaultAccessMode: neo4j.session.READ })
  try {
    const result = await session.run(
      `MATCH (:Product {sku: $sku})<-[:BOUGHT]-(:Customer)-[:BOUGHT]->(rec:Product)
       WHERE rec.sku <> $sku
       RETURN rec.sku AS sku, count(*) AS score
       ORDER BY score DESC LIMIT 8`,
      { sku }
    )
    const skus = result.records.map((r) => r.get('sku') as string)
    logger.debug({ sku, skus }, 'recommendations')
    const found = await db.product.findMany({ where: { sku: { in: skus } } })
    return skus.map((s) => found.find((p) => p.sku === s)).filter((p) => p !== undefined)
  } finally {
    await session.close()
    await driver.close()
  }
}
