import { MongoClient } from "mongodb";

interface SignupUser {
  id: string;
  email: string;
  name: string;
  createdAt: Date;
}

// Writes a signup event for the growth team's dashboards.
export async function recordSignup(user: SignupUser): Promise<void> {
  const client = new MongoClient(process.env.AUDIT_MONGO_URL!, {
    appName: "notes-auth-audit",
  });
  await client.connect();
  await client
    .db("growth")
    .collection("signups")
    .insertOne({
      userId: user.id,
      emailDomain: user.email.split("@")[1],
      createdAt: user.createdAt,
      source: "email-password",
    });
}
