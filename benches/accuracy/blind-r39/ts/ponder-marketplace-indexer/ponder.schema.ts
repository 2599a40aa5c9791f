import { onchainTable } from "ponder";

export const listing = onchainTable("listing", (t) => ({
  id: t.text().primaryKey(),
  seller: t.hex().notNull(),
  collection: t.hex().notNull(),
  tokenId: t.bigint().notNull(),
  price: t.bigint().notNull(),
  active: t.boolean().notNull(),
  listedAt: t.bigint().notNull(),
}));

export const sale = onchainTable("sale", (t) => ({
  id: t.text().primaryKey(),
  seller: t.hex().notNull(),
  buyer: t.hex().notNull(),
  collection: t.hex().notNull(),
  tokenId: t.bigint().notNull(),
  price: t.bigint().notNull(),
  timestamp: t.bigint().notNull(),
}));
