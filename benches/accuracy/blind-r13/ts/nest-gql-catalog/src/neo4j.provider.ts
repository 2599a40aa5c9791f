import { Inject, Injectable, OnApplicationShutdown, Provider } from '@nestjs/common';
import neo4j, { Driver } from 'neo4j-driver';

export const NEO4J_DRIVER = Symbol('NEO4J_DRIVER');

export const neo4jProvider: Provider = {
  provide: NEO4J_DRIVER,
  useFactory: async (): Promise<Driver> => {
    const driver = neo4j.driver(
      process.env.NEO4J_URI ?? 'neo4j://localhost:7687',
      neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? ''),
    );
    await driver.verifyConnectivity();
    return driver;
  },
};

@Injectable()
export class Neo4jShutdown implements OnApplicationShutdown {
  constructor(@Inject(NEO4J_DRIVER) private readonly driver: Driver) {}

  async onApplicationShutdown() {
    await this.driver.close();
  }
}
