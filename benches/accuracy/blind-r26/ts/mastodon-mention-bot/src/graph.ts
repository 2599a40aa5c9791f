import neo4j, { type Driver } from 'neo4j-driver';

export function openGraph(): Driver {
  return neo4j.driver(
    process.env.NEO4J_URL ?? 'neo4j://localhost:7687',
    neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? 'neo4j'),
    { maxConnectionPoolSize: 10 },
  );
}

export async function recordFollowEdge(driver: Driver, from: string, to: string): Promise<void> {
  const session = driver.session({ database: 'social' });
  try {
    await session.executeWrite((tx) =>
      tx.run('MERGE (a:Acct {acct: $from}) MERGE (b:Acct {acct: $to}) MERGE (a)-[:MENTIONED]->(b)', { from, to }),
    );
  } finally {
    await session.close();
  }
}

export async function suggestFollows(driver: Driver, acct: string, tags: string[]): Promise<string[]> {
  const session = driver.session({ database: 'social', defaultAccessMode: neo4j.session.READ });
  const result = await session.run(
    `MATCH (me:Acct {acct: $acct})-[:FOLLOWS]->(:Acct)-[:FOLLOWS]->(cand:Acct)
     WHERE NOT (me)-[:FOLLOWS]->(cand) AND cand <> me
     OPTIONAL MATCH (cand)-[:POSTS_ABOUT]->(t:Tag) WHERE t.name IN $tags
     RETURN cand.acct AS acct, count(t) AS overlap
     ORDER BY overlap DESC LIMIT 5`,
    { acct, tags },
  );
  return result.records.map((r) => r.get('acct') as string);
}
