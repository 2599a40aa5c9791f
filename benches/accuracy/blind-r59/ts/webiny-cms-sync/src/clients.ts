import { getDocumentClient } from "@webiny/aws-sdk/client-dynamodb";
import { createElasticsearchClient } from "@webiny/api-elasticsearch";

/**
 * Clients shared by every invocation handled by this Lambda container.
 * They are created when the module is first loaded (cold start) and reused
 * by the storage operations on subsequent requests.
 */
function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`Missing required environment variable ${name}`);
  }
  return value;
}

export const documentClient = getDocumentClient({
  region: requireEnv("AWS_REGION"),
});

export const elasticsearchClient = createElasticsearchClient({
  endpoint: `https://${requireEnv("ELASTIC_SEARCH_ENDPOINT")}`,
});

export const tableName = requireEnv("DB_TABLE");

export function describeClients(): Record<string, string> {
  return {
    region: requireEnv("AWS_REGION"),
    table: tableName,
    search: requireEnv("ELASTIC_SEARCH_ENDPOINT"),
  };
}
