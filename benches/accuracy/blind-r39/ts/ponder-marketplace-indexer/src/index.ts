import { ponder } from "ponder:registry";
import { listing, sale } from "ponder:schema";
import Redis from "ioredis";

import { notifyWatchers } from "./alerts";
import { listingKey, publisher } from "./pubsub";

ponder.on("Marketplace:Listed", async ({ event, context }) => {
  const id = listingKey(event.args.collection, event.args.tokenId);

  await context.db
    .insert(listing)
    .values({
      id,
      seller: event.args.seller,
      collection: event.args.collection,
      tokenId: event.args.tokenId,
      price: event.args.price,
      active: true,
      listedAt: event.block.timestamp,
    })
    .onConflictDoUpdate({ price: event.args.price, active: true });

  await notifyWatchers({
    collection: event.args.collection,
    tokenId: event.args.tokenId,
    price: event.args.price,
    seller: event.args.seller,
  });
});

ponder.on("Marketplace:Sale", async ({ event, context }) => {
  const id = listingKey(event.args.collection, event.args.tokenId);

  await context.db.insert(sale).values({
    id: event.log.id,
    seller: event.args.seller,
    buyer: event.args.buyer,
    collection: event.args.collection,
    tokenId: event.args.tokenId,
    price: event.args.price,
    timestamp: event.block.timestamp,
  });

  await context.db.update(listing, { id }).set({ active: false });

  // floor-price cache read by the web app
  const floor = new Redis(process.env.REDIS_URL ?? "redis://localhost:6379");
  const current = await floor.get(`floor:${event.args.collection}`);
  if (current === null || BigInt(current) > event.args.price) {
    await floor.set(`floor:${event.args.collection}`, event.args.price.toString());
  }
  await floor.zadd(
    `volume:${event.args.collection}`,
    Number(event.block.timestamp),
    `${event.log.id}:${event.args.price.toString()}`,
  );
});

ponder.on("Marketplace:Cancelled", async ({ event, context }) => {
  const id = listingKey(event.args.collection, event.args.tokenId);

  await context.db.update(listing, { id }).set({ active: false });

  await publisher.publish(
    "listing-cancelled",
    JSON.stringify({ id, block: event.block.number.toString() }),
  );
});
