import { asClass, asValue, createContainer, InjectionMode, type AwilixContainer } from "awilix";
import { Redis } from "ioredis";
import { InvoiceRepository } from "./invoice-repository.js";
import { InvoiceService } from "./invoice-service.js";

export interface Cradle {
  redis: Redis;
  tenantId: string;
  invoiceRepository: InvoiceRepository;
  invoiceService: InvoiceService;
}

// Built once from server.ts at start-up. Each HTTP request gets its own
// scope (container.createScope()) so tenant-aware services can see tenantId.
export function buildContainer(): AwilixContainer<Cradle> {
  const container = createContainer<Cradle>({
    injectionMode: InjectionMode.PROXY,
    strict: true,
  });

  container.register({
    redis: asValue(new Redis(process.env.REDIS_URL ?? "redis://localhost:6379")),
    invoiceRepository: asClass(InvoiceRepository).scoped(),
    invoiceService: asClass(InvoiceService).scoped(),
  });

  return container;
}
