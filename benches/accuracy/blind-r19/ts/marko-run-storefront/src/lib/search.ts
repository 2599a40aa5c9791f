import { Client } from "@opensearch-project/opensearch";

export function searchClient(): Client {
  return new Client({
    node: process.env.OPENSEARCH_URL ?? "https://search.internal:9200",
    auth: { username: "storefront", password: process.env.OPENSEARCH_PASSWORD ?? "" },
    ssl: { rejectUnauthorized: process.env.NODE_ENV === "production" },
  });
}
