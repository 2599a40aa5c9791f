import { Client } from "@elastic/elasticsearch";

export function makeSearchClient(): Client {
  return new Client({
    node: process.env.ELASTIC_URL ?? "http://localhost:9200",
    auth: { apiKey: process.env.ELASTIC_API_KEY ?? "" },
    maxRetries: 2,
  });
}
