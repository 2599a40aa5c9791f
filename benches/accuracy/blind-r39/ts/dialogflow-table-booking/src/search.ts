import { MeiliSearch } from "meilisearch";

// One Meilisearch client for the process; it is a thin fetch wrapper.
export const search = new MeiliSearch({
  host: process.env.MEILI_HOST ?? "http://127.0.0.1:7700",
  apiKey: process.env.MEILI_API_KEY,
});

export const bookingsIndex = search.index("bookings");
