import neo4j from 'neo4j-driver';

const driver = neo4j.driver(
  process.env.NEO4J_URL ?? 'neo4j://localhost:7687',
  neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? ''),
  { maxConnectionPoolSize: 20 },
);

export async function recordPurchase(customerId: string, skus: string[]): Promise<void> {
  const session = driver.session({ database: 'shop', defaultAccessMode: neo4j.session.WRITE });
  await session.executeWrite((tx) =>
    tx.run(
      `MERGE (c:Customer {id: $customerId})
       WITH c
       UNWIND $skus AS sku
       MERGE (p:Product {sku: sku})
       MERGE (c)-[r:BOUGHT]->(p)
       ON CREATE SET r.count = 1
       ON MATCH SET r.count = r.count + 1`,
      { customerId, skus },
    ),
  );
}

export async function alsoBought(sku: string, limit = 5): Promise<string[]> {
  const session = driver.session({ database: 'shop', defaultAccessMode: neo4j.session.READ });
  try {
    const res = await session.executeRead((tx) =>
      tx.run(
        `MATCH (:Product {sku: $sku})<-[:BOUGHT]-(:Customer)-[:BOUGHT]->(o:Product)
         WHERE o.sku <> $sku
         RETURN o.sku AS sku, count(*) AS n ORDER BY n DESC LIMIT $limit`,
        { sku, limit: neo4j.int(limit) },
      ),
    );
    return res.records.map((r) => r.get('sku') as string);
  } finally {
    await session.close();
  }
}

export function closeGraph(): Promise<void> {
  return driver.close();
}
