import { Initializer, api, log } from "actionhero";
import { Pool } from "undici";

declare module "actionhero" {
  export interface Api {
    carriers: { pool: Pool };
  }
}

export class CarrierInitializer extends Initializer {
  constructor() {
    super();
    this.name = "carriers";
    this.loadPriority = 1010;
    this.startPriority = 1010;
    this.stopPriority = 990;
  }

  async initialize() {
    // Single keep-alive pool to the carrier aggregator, shared by actions and tasks.
    api.carriers = {
      pool: new Pool(process.env.CARRIER_API_ORIGIN ?? "https://api.shipping-aggregator.example", {
        connections: 16,
        keepAliveTimeout: 30_000,
      }),
    };
  }

  async stop() {
    await api.carriers.pool.close();
    log("carrier pool closed", "info");
  }
}

export async function carrierCall<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
  const { statusCode, body: res } = await api.carriers.pool.request({
    method,
    path,
    headers: {
      authorization: `Bearer ${process.env.CARRIER_API_KEY}`,
      "content-type": "application/json",
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (statusCode >= 400) {
    const text = await res.text();
    throw new Error(`carrier API ${method} ${path} -> ${statusCode}: ${text}`);
  }
  return (await res.json()) as T;
}
