import { MeiliSearch } from "meilisearch";

let client: MeiliSearch | undefined;

// Lazily built on first use, then reused for the life of the process.
export function getSearch(): MeiliSearch {
  if (!client) {
    client = new MeiliSearch({
      host: process.env.MEILI_URL ?? "http://127.0.0.1:7700",
      apiKey: process.env.MEILI_SEARCH_KEY,
    });
  }
  return client;
}
