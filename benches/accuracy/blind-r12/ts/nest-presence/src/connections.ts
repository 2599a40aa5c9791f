import { Inject, Injectable, Module, OnApplicationShutdown, type Provider } from "@nestjs/common";
import Redis from "ioredis";
import neo4j, { type Driver } from "neo4j-driver";

export const REDIS = Symbol("REDIS");
export const NEO4J = Symbol("NEO4J");

export function createRedis(): Redis {
  return new Redis(process.env.REDIS_URL ?? "redis://localhost:6379", {
    lazyConnect: false,
    maxRetriesPerRequest: 3,
  });
}

export function createNeo4jDriver(): Driver {
  return neo4j.driver(
    process.env.NEO4J_URI ?? "neo4j://localhost:7687",
    neo4j.auth.basic(process.env.NEO4J_USER ?? "neo4j", process.env.NEO4J_PASSWORD ?? ""),
    { maxConnectionPoolSize: 20 },
  );
}

// Default (singleton) scope: Nest calls each factory once while building the module graph.
const providers: Provider[] = [
  { provide: REDIS, useFactory: createRedis },
  { provide: NEO4J, useFactory: createNeo4jDriver },
];

@Injectable()
class ConnectionsShutdown implements OnApplicationShutdown {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(NEO4J) private readonly driver: Driver,
  ) {}

  async onApplicationShutdown() {
    await this.redis.quit();
    await this.driver.close();
  }
}

@Module({
  providers: [...providers, ConnectionsShutdown],
  exports: [REDIS, NEO4J],
})
export class ConnectionsModule {}
