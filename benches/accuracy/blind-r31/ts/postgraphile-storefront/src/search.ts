import { MeiliSearch } from "meilisearch";

let client: MeiliSearch | undefined;

export function getSearch(): MeiliSearch {
  if (!client) {
    client = new MeiliSearch({
      host: process.env.MEILI_URL ?? "http://localhost:7700",
      apiKey: process.env.MEILI_SEARCH_KEY,
    });
  }
  return client;
}
