import { MongoClient, type Collection } from "mongodb";

export const profilesClient = new MongoClient(process.env.MONGO_URL ?? "mongodb://localhost:27017", {
  maxPoolSize: 20,
});

interface Profile {
  _id: string;
  email: string;
  tenantId: string;
  createdAt: Date;
  displayName?: string;
}

function profiles(): Collection<Profile> {
  return profilesClient.db("ledgerly").collection<Profile>("profiles");
}

export async function createProfile(userId: string, email: string, tenantId: string): Promise<void> {
  await profiles().insertOne({ _id: userId, email, tenantId, createdAt: new Date() });
}

export async function getProfile(userId: string): Promise<Profile | null> {
  return profiles().findOne({ _id: userId });
}
