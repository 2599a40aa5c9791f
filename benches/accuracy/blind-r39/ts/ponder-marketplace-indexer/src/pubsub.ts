import Redis from "ioredis";

// One publisher for the whole indexer process.
export const publisher = new Redis(process.env.REDIS_URL ?? "redis://localhost:6379", {
  lazyConnect: false,
  maxRetriesPerRequest: 3,
});

export function listingKey(collection: string, tokenId: bigint): string {
  return `${collection.toLowerCase()}:${tokenId.toString()}`;
}
