import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, MessagePattern, Payload } from '@nestjs/microservices';
import { OrdersService, OrderCreated } from './orders.service';
import { InventoryService } from './inventory.service';

@Controller()
export class OrdersController {
  private readonly log = new Logger(OrdersController.name);

  constructor(
    private readonly orders: OrdersService,
    private readonly inventory: InventoryService,
  ) {}

  @EventPattern('orders.created')
  async onOrderCreated(@Payload() order: OrderCreated, @Ctx() ctx: KafkaContext) {
    this.log.debug(`order ${order.id} from partition ${ctx.getPartition()}`);
    await this.orders.recordOrder(order);
  }

  @EventPattern('orders.cancelled')
  async onOrderCancelled(@Payload() evt: { orderId: string; reason: string }) {
    await this.orders.recordCancellation(evt.orderId, evt.reason);
  }

  @MessagePattern('inventory.reserve')
  async reserve(@Payload() req: { sku: string; qty: number }) {
    const ok = await this.inventory.reserve(req.sku, req.qty);
    return { sku: req.sku, reserved: ok };
  }

  @MessagePattern('inventory.level')
  async level(@Payload() req: { sku: string }) {
    return { sku: req.sku, available: await this.inventory.available(req.sku) };
  }
}
