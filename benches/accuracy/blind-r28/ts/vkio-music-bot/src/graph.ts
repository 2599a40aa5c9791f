import neo4j from 'neo4j-driver';

export const driver = neo4j.driver(
  process.env.NEO4J_URI ?? 'neo4j://localhost:7687',
  neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? ''),
  { maxConnectionPoolSize: 20, connectionAcquisitionTimeout: 10_000 },
);

const MERGE_LISTEN = `
  MERGE (u:User {vkId: $vkId})
  MERGE (a:Artist {name: $artist})
  MERGE (t:Track {title: $title})-[:BY]->(a)
  MERGE (u)-[l:LISTENED]->(t)
    ON CREATE SET l.count = 1, l.first = datetime()
    ON MATCH SET l.count = l.count + 1
  SET l.last = datetime()
`;

export async function recordListen(vkId: number, artist: string, title: string): Promise<void> {
  const session = driver.session({ defaultAccessMode: neo4j.session.WRITE, database: 'music' });
  try {
    await session.executeWrite((tx) => tx.run(MERGE_LISTEN, { vkId: neo4j.int(vkId), artist, title }));
  } finally {
    await session.close();
  }
}

export async function listenCount(vkId: number): Promise<number> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ, database: 'music' });
  try {
    const result = await session.executeRead((tx) =>
      tx.run('MATCH (:User {vkId: $vkId})-[l:LISTENED]->() RETURN sum(l.count) AS n', { vkId: neo4j.int(vkId) }),
    );
    return result.records[0]?.get('n')?.toNumber() ?? 0;
  } finally {
    await session.close();
  }
}
