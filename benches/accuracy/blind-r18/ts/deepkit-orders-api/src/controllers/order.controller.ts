import { http, HttpBody, HttpNotFoundError } from '@deepkit/http';
import { Redis } from 'ioredis';
import { AppConfig } from '../config';
import { Database } from '../database';
import { AuditContext } from '../services/audit';
import { CreateOrder, Order, OrderRepository } from '../services/order-repository';

/**
 * Deepkit instantiates HTTP controllers per request. Everything heavy is
 * injected (singletons); the repository built here is only a wrapper.
 */
@http.controller('/orders')
export class OrderController {
  private readonly orders: OrderRepository;

  constructor(
    db: Database,
    private readonly redis: Redis,
    private readonly audit: AuditContext,
    private readonly cacheSeconds: AppConfig['orderCacheSeconds'],
  ) {
    this.orders = new OrderRepository(db);
  }

  @http.GET(':id')
  async get(id: number): Promise<Order> {
    const cached = await this.redis.get(`order:${id}`);
    if (cached) return JSON.parse(cached) as Order;

    const order = await this.orders.find(id);
    if (!order) throw new HttpNotFoundError(`order ${id} not found`);

    await this.redis.set(`order:${id}`, JSON.stringify(order), 'EX', this.cacheSeconds);
    return order;
  }

  @http.POST('')
  async create(body: HttpBody<CreateOrder>): Promise<{ id: number }> {
    const id = await this.orders.create(body);
    await this.audit.record('order.created', { id, customerId: body.customerId });
    return { id };
  }
}
