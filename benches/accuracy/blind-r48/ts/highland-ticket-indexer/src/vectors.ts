import { MilvusClient } from '@zilliz/milvus2-sdk-node';

export const COLLECTION = process.env.MILVUS_COLLECTION ?? 'support_tickets';

export function vectorStore(): MilvusClient {
  return new MilvusClient({
    address: process.env.MILVUS_ADDRESS ?? 'localhost:19530',
    token: process.env.MILVUS_TOKEN,
    timeout: 10_000,
  });
}
