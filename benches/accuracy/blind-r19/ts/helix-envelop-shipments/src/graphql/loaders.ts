import DataLoader from "dataloader";
import { aql, type Database } from "arangojs";

export interface Carrier {
  _key: string;
  name: string;
  trackingUrl: string;
}

/** Fresh batching caches for one GraphQL request; the Database handle is shared. */
export function createLoaders(db: Database) {
  return {
    carrier: new DataLoader<string, Carrier | null>(async (keys) => {
      const cursor = await db.query<Carrier>(aql`
        FOR c IN carriers FILTER c._key IN ${keys} RETURN c
      `);
      const found = await cursor.all();
      const byKey = new Map(found.map((c) => [c._key, c]));
      return keys.map((k) => byKey.get(k) ?? null);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
