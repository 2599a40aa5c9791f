import { MongoClient } from "mongodb";

const mongoUrl = process.env.MONGO_URL ?? "mongodb://localhost:27017";

export async function recordLogin(userId: string, tenantId: string, userContext: Record<string, unknown>): Promise<void> {
  const client = new MongoClient(mongoUrl, { appName: "login-audit" });
  await client.connect();
  await client
    .db("ledgerly")
    .collection("login_events")
    .insertOne({
      userId,
      tenantId,
      at: new Date(),
      requestId: typeof userContext.requestId === "string" ? userContext.requestId : undefined,
    });
}
