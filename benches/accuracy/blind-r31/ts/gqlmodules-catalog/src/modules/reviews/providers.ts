import { Injectable, Scope } from "graphql-modules";
import { MongoClient } from "mongodb";

export interface Review {
  productId: string;
  rating: number;
  body: string;
  createdAt: Date;
}

@Injectable({ scope: Scope.Singleton })
export class ReviewStore {
  private readonly client = new MongoClient(process.env.MONGO_URL ?? "mongodb://localhost:27017", {
    maxPoolSize: 10,
  });

  forProduct(productId: string, limit = 10) {
    return this.client
      .db("shop")
      .collection<Review>("reviews")
      .find({ productId })
      .sort({ createdAt: -1 })
      .limit(limit)
      .toArray();
  }

  async add(productId: string, rating: number, body: string) {
    await this.client
      .db("shop")
      .collection<Review>("reviews")
      .insertOne({ productId, rating, body, createdAt: new Date() });
    return true;
  }
}
