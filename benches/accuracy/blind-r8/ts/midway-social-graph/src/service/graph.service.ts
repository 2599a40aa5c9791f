import { Provide, Scope, ScopeEnum, Init, Destroy, Config } from '@midwayjs/core';
import neo4j, { Driver } from 'neo4j-driver';

interface Neo4jConfig {
  uri: string;
  user: string;
  password: string;
  maxConnectionPoolSize: number;
}

@Provide()
@Scope(ScopeEnum.Singleton)
export class GraphService {
  @Config('neo4j')
  neo4jConfig: Neo4jConfig;

  private driver: Driver;

  @Init()
  async init() {
    const { uri, user, password, maxConnectionPoolSize } = this.neo4jConfig;
    this.driver = neo4j.driver(uri, neo4j.auth.basic(user, password), { maxConnectionPoolSize });
    await this.driver.verifyConnectivity();
  }

  async follow(followerId: string, followeeId: string): Promise<void> {
    const session = this.driver.session();
    try {
      await session.executeWrite((tx) =>
        tx.run(
          `MERGE (a:User {id: $followerId}) MERGE (b:User {id: $followeeId})
           MERGE (a)-[:FOLLOWS {since: datetime()}]->(b)`,
          { followerId, followeeId },
        ),
      );
    } finally {
      await session.close();
    }
  }

  async suggestions(userId: string, limit = 10): Promise<Array<{ id: string; mutuals: number }>> {
    const session = this.driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      const res = await session.executeRead((tx) =>
        tx.run(
          `MATCH (me:User {id: $userId})-[:FOLLOWS]->(:User)-[:FOLLOWS]->(s:User)
           WHERE s <> me AND NOT (me)-[:FOLLOWS]->(s)
           RETURN s.id AS id, count(*) AS mutuals ORDER BY mutuals DESC LIMIT $limit`,
          { userId, limit: neo4j.int(limit) },
        ),
      );
      return res.records.map((r) => ({ id: r.get('id'), mutuals: r.get('mutuals').toNumber() }));
    } finally {
      await session.close();
    }
  }

  @Destroy()
  async close() {
    await this.driver?.close();
  }
}
