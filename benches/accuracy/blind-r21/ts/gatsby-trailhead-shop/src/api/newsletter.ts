import type { GatsbyFunctionRequest, GatsbyFunctionResponse } from "gatsby";
import { MongoClient } from "mongodb";

interface SignupBody {
  email?: string;
  interests?: string[];
  source?: string;
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export default async function handler(
  req: GatsbyFunctionRequest<SignupBody>,
  res: GatsbyFunctionResponse,
) {
  if (req.method !== "POST") {
    return res.status(405).json({ error: "method not allowed" });
  }
  const email = req.body?.email?.trim().toLowerCase();
  if (!email || !EMAIL_RE.test(email)) {
    return res.status(422).json({ error: "please enter a valid email" });
  }

  const client = new MongoClient(process.env.MONGODB_URI as string, {
    appName: "trailhead-newsletter",
  });
  try {
    await client.connect();
    const subscribers = client.db("marketing").collection("subscribers");
    await subscribers.updateOne(
      { email },
      {
        $setOnInsert: { email, createdAt: new Date(), confirmed: false },
        $addToSet: { interests: { $each: req.body.interests ?? [] } },
        $set: { lastSource: req.body.source ?? "footer" },
      },
      { upsert: true },
    );
  } finally {
    await client.close();
  }

  return res.status(202).json({ ok: true });
}
