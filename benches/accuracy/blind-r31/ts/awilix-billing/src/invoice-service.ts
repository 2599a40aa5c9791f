import type { Redis } from "ioredis";
import type { Invoice, InvoiceRepository } from "./invoice-repository.js";

export class InvoiceService {
  private readonly repo: InvoiceRepository;
  private readonly redis: Redis;
  private readonly tenantId: string;

  constructor({ invoiceRepository, redis, tenantId }: {
    invoiceRepository: InvoiceRepository;
    redis: Redis;
    tenantId: string;
  }) {
    this.repo = invoiceRepository;
    this.redis = redis;
    this.tenantId = tenantId;
  }

  async openInvoices(customerId: string): Promise<Invoice[]> {
    const key = `inv:${this.tenantId}:${customerId}`;
    const cached = await this.redis.get(key);
    if (cached) return JSON.parse(cached) as Invoice[];
    const invoices = await this.repo.findOpen(customerId);
    await this.redis.set(key, JSON.stringify(invoices), "EX", 30);
    return invoices;
  }

  async pay(customerId: string, invoiceId: string, amountCents: number, reference: string): Promise<void> {
    await this.repo.markPaid(invoiceId, amountCents, reference);
    await this.redis.del(`inv:${this.tenantId}:${customerId}`);
  }
}
