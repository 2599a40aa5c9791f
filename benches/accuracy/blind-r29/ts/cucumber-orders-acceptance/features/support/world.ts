import { setWorldConstructor, World, IWorldOptions } from '@cucumber/cucumber';
import type { PoolClient } from 'pg';
import type Redis from 'ioredis';

export interface OrdersParameters {
  baseUrl: string;
}

// Cucumber builds a fresh World per scenario: it only holds references handed to it by hooks.
export class OrdersWorld extends World<OrdersParameters> {
  db?: PoolClient;
  redis!: Redis;
  streamMark = '0-0';
  seededSkus: string[] = [];
  customerId?: string;
  lastStatus?: number;
  lastBody?: unknown;

  constructor(options: IWorldOptions<OrdersParameters>) {
    super(options);
  }

  get baseUrl(): string {
    return this.parameters.baseUrl ?? process.env.ORDERS_BASE_URL ?? 'http://localhost:3000';
  }

  async api(method: string, path: string, body?: unknown): Promise<void> {
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: {
        'content-type': 'application/json',
        'x-test-customer': this.customerId ?? '',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    this.lastStatus = res.status;
    this.lastBody = res.headers.get('content-type')?.includes('json') ? await res.json() : await res.text();
  }
}

setWorldConstructor(OrdersWorld);
