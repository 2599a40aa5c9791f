import type ShareDB from 'sharedb';
import { driver } from '../neo4j';

// Drops snapshots the connected user may not read. Sharing is modelled as
// (:User)-[:CAN_READ]->(:Note) in Neo4j.
export function registerAccess(backend: ShareDB) {
  backend.use('readSnapshots', async (context, next) => {
    const userId: string | undefined = context.agent.custom?.userId;
    if (!userId) {
      return next(new Error('unauthenticated'));
    }
    const session = driver.session({ defaultAccessMode: 'READ' });
    try {
      const ids = context.snapshots.map((s) => s.id);
      const result = await session.run(
        `MATCH (:User {id: $userId})-[:CAN_READ]->(n:Note) WHERE n.id IN $ids RETURN n.id AS id`,
        { userId, ids },
      );
      const allowed = new Set(result.records.map((r) => r.get('id') as string));
      for (const snapshot of context.snapshots) {
        if (!allowed.has(snapshot.id)) {
          context.rejectSnapshotRead(snapshot, new Error('forbidden'));
        }
      }
      next();
    } catch (err) {
      next(err as Error);
    }
  });
}
