import neo4j from 'neo4j-driver';

// One driver for the whole bot process.
export const driver = neo4j.driver(
  process.env.NEO4J_URL ?? 'neo4j://localhost:7687',
  neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? ''),
  { maxConnectionPoolSize: 20 },
);
