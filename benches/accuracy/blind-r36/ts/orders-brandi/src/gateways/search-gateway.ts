import { Client } from "@elastic/elasticsearch";
import { injected } from "brandi";
import type { Config } from "../config.js";
import { TOKENS } from "../tokens.js";
import type { Order } from "../repositories/order-repository.js";

export class SearchGateway {
  private readonly es: Client;

  constructor(config: Config) {
    this.es = new Client({ node: config.elasticUrl, requestTimeout: 5_000 });
  }

  async reindex(order: Order): Promise<void> {
    await this.es.index({ index: "orders", id: order.id, document: order, refresh: false });
  }
}

injected(SearchGateway, TOKENS.config);
