import { MidwayConfig } from '@midwayjs/core';

export default {
  keys: process.env.APP_KEYS ?? 'dev-key',
  koa: {
    port: Number(process.env.PORT ?? 7001),
  },
  neo4j: {
    uri: process.env.NEO4J_URI ?? 'neo4j://localhost:7687',
    user: process.env.NEO4J_USER ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? 'password',
    maxConnectionPoolSize: 20,
  },
  profileApi: {
    origin: process.env.PROFILE_API ?? 'http://profiles.internal:8080',
    connections: 16,
  },
} as MidwayConfig;
