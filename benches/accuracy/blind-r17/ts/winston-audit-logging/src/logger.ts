import winston from 'winston';
import { MongoAuditTransport } from './transports/mongoAudit.js';
import { ElasticTransport } from './transports/elasticTransport.js';

export const logger = winston.createLogger({
  level: 'info',
  levels: { ...winston.config.npm.levels, audit: 0 },
  format: winston.format.json(),
  transports: [
    new winston.transports.Console({ format: winston.format.simple() }),
    new ElasticTransport({
      node: process.env.ELASTIC_URL ?? 'http://localhost:9200',
      indexPrefix: 'api-logs',
      level: 'info',
    }),
    new MongoAuditTransport({
      uri: process.env.AUDIT_MONGO_URL ?? 'mongodb://localhost:27017',
      dbName: 'compliance',
      level: 'audit',
    }),
  ],
});
