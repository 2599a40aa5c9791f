import neo4j, { Integer } from 'neo4j-driver';

export interface TrackRec {
  artist: string;
  title: string;
  score: number;
}

// Recommendation queries are heavier, so they get their own driver with longer timeouts.
const driver = neo4j.driver(
  process.env.NEO4J_URI ?? 'neo4j://localhost:7687',
  neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? ''),
  { maxTransactionRetryTime: 30_000, connectionTimeout: 20_000 },
);

const COLLABORATIVE = `
  MATCH (me:User {vkId: $vkId})-[:LISTENED]->(t:Track)<-[:LISTENED]-(peer:User)
  WHERE peer <> me
  WITH me, peer, count(t) AS overlap ORDER BY overlap DESC LIMIT 50
  MATCH (peer)-[l:LISTENED]->(rec:Track)-[:BY]->(a:Artist)
  WHERE NOT (me)-[:LISTENED]->(rec)
  RETURN a.name AS artist, rec.title AS title, sum(l.count * overlap) AS score
  ORDER BY score DESC LIMIT $limit
`;

export async function recommendFor(vkId: number, limit: number): Promise<TrackRec[]> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ, database: 'music' });
  const result = await session.run(COLLABORATIVE, { vkId: neo4j.int(vkId), limit: neo4j.int(limit) });
  if (result.records.length === 0) {
    return [];
  }
  const recs = result.records.map((r) => ({
    artist: r.get('artist') as string,
    title: r.get('title') as string,
    score: (r.get('score') as Integer).toNumber(),
  }));
  await session.close();
  return recs;
}
