import { Decimal128, MongoClient } from "mongodb";

export interface HolderDelta {
  address: string;
  delta: bigint;
  block: bigint;
}

export async function applyHolderDelta(change: HolderDelta): Promise<void> {
  const client = new MongoClient(process.env.MONGO_URL ?? "mongodb://localhost:27017");
  await client.connect();
  const holders = client.db("indexer").collection("holders");
  await holders.updateOne(
    { address: change.address.toLowerCase() },
    {
      $inc: { balance: Decimal128.fromString(change.delta.toString()) },
      $max: { lastBlock: Number(change.block) },
    },
    { upsert: true },
  );
}
