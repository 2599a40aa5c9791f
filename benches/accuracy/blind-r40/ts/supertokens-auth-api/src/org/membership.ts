import { MongoClient } from "mongodb";

const client = new MongoClient(process.env.MONGO_URL ?? "mongodb://localhost:27017", {
  maxPoolSize: 10,
  readPreference: "secondaryPreferred",
});

interface Membership {
  userId: string;
  orgId: string;
  role: "owner" | "admin" | "member";
  primary: boolean;
}

const memberships = client.db("ledgerly").collection<Membership>("memberships");

export async function primaryOrgFor(userId: string): Promise<string | null> {
  const m = await memberships.findOne({ userId, primary: true }, { projection: { orgId: 1 } });
  return m?.orgId ?? null;
}

export async function listMemberships(userId: string): Promise<Membership[]> {
  return memberships.find({ userId }).sort({ primary: -1 }).toArray();
}
