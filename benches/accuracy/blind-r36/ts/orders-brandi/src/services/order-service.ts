import { injected } from "brandi";
import type { Redis } from "ioredis";
import { TOKENS } from "../tokens.js";
import type { Order, OrderRepository } from "../repositories/order-repository.js";
import type { SearchGateway } from "../gateways/search-gateway.js";

const ALLOWED = new Set(["paid", "packed", "shipped", "cancelled"]);

export class OrderService {
  constructor(
    private readonly orders: OrderRepository,
    private readonly search: SearchGateway,
    private readonly cache: Redis,
  ) {}

  async get(id: string): Promise<Order | undefined> {
    const cached = await this.cache.get(`order:${id}`);
    if (cached) return JSON.parse(cached) as Order;
    const order = await this.orders.findById(id);
    if (order) await this.cache.set(`order:${id}`, JSON.stringify(order), "EX", 60);
    return order;
  }

  async transition(id: string, status: string): Promise<Order | undefined> {
    if (!ALLOWED.has(status)) throw new Error(`invalid status ${status}`);
    await this.orders.updateStatus(id, status);
    await this.cache.del(`order:${id}`);
    const order = await this.orders.findById(id);
    if (order) await this.search.reindex(order);
    return order;
  }
}

injected(OrderService, TOKENS.orderRepository, TOKENS.searchGateway, TOKENS.cache);
