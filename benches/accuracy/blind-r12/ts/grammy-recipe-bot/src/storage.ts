import { MongoClient, type Collection } from "mongodb";

export interface Recipe {
  chatId: number;
  title: string;
  body: string;
  photoKey?: string;
  createdAt: Date;
}

const uri = process.env.MONGODB_URI ?? "mongodb://localhost:27017";

export async function recipesCollection(): Promise<Collection<Recipe>> {
  const client = new MongoClient(uri, { appName: "recipe-bot" });
  await client.connect();
  return client.db("recipes").collection<Recipe>("recipes");
}
