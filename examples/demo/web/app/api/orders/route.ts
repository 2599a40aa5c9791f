import { NextResponse } from "next/server";
import { MongoClient } from "mongodb";

export async function GET(request: Request) {
  const customerId = new URL(request.url).searchParams.get("customerId");
  const client = new MongoClient(process.env.MONGODB_URI!);
  await client.connect();
  const orders = await client
    .db("shop")
    .collection("orders")
    .find({ customerId })
    .sort({ createdAt: -1 })
    .limit(50)
    .toArray();
  return NextResponse.json(orders);
}
