import neo4j, { type Driver, type Session } from 'neo4j-driver';

export const driver: Driver = neo4j.driver(
  process.env.NEO4J_URI ?? 'neo4j://localhost:7687',
  neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? 'neo4j'),
  {
    maxConnectionPoolSize: 20,
    connectionAcquisitionTimeout: 10_000,
  },
);

export const CATALOG_DB = process.env.NEO4J_DATABASE ?? 'catalog';

export function readSession(): Session {
  return driver.session({ database: CATALOG_DB, defaultAccessMode: neo4j.session.READ });
}

export async function withRead<T>(work: (session: Session) => Promise<T>): Promise<T> {
  const session = readSession();
  try {
    return await work(session);
  } finally {
    await session.close();
  }
}

export function toNumber(value: unknown): number {
  return neo4j.isInt(value) ? (value as { toNumber(): number }).toNumber() : Number(value);
}

export async function closeGraph(): Promise<void> {
  await driver.close();
}
