import { Client } from "@elastic/elasticsearch";
import type { Db } from "mongodb";

export interface Customer {
  _id: string;
  name: string;
  keywords: string[];
  esNode: string;
  esApiKey: string;
  indexName: string;
}

// Each customer brings their own Elasticsearch deployment; keep one client per customer.
const clusters = new Map<string, Client>();

export function clusterFor(customer: Customer): Client {
  let client = clusters.get(customer._id);
  if (!client) {
    client = new Client({
      node: customer.esNode,
      auth: { apiKey: customer.esApiKey },
      maxRetries: 3,
      requestTimeout: 10_000,
    });
    clusters.set(customer._id, client);
  }
  return client;
}

export async function closeClusters(): Promise<void> {
  await Promise.all([...clusters.values()].map((c) => c.close()));
  clusters.clear();
}

export class KeywordIndex {
  private byKeyword = new Map<string, Customer[]>();

  constructor(private readonly db: Db) {}

  async reload(): Promise<void> {
    const customers = await this.db
      .collection<Customer>("customers")
      .find({ active: true })
      .toArray();
    const next = new Map<string, Customer[]>();
    for (const c of customers) {
      for (const kw of c.keywords) {
        const key = kw.toLowerCase();
        next.set(key, [...(next.get(key) ?? []), c]);
      }
    }
    this.byKeyword = next;
  }

  match(text: string): Customer[] {
    const lower = text.toLowerCase();
    const hits = new Map<string, Customer>();
    for (const [kw, customers] of this.byKeyword) {
      if (lower.includes(kw)) customers.forEach((c) => hits.set(c._id, c));
    }
    return [...hits.values()];
  }
}
