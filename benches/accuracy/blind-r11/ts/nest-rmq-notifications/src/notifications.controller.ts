import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, MessagePattern, Payload, RmqContext } from '@nestjs/microservices';
import { NotificationsService, SignupEvent } from './notifications.service';

@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @EventPattern('user.signed_up')
  async onSignup(@Payload() evt: SignupEvent, @Ctx() ctx: RmqContext) {
    const channel = ctx.getChannelRef();
    const msg = ctx.getMessage();
    try {
      await this.notifications.welcome(evt);
      channel.ack(msg);
    } catch (err) {
      channel.nack(msg, false, false);
      throw err;
    }
  }

  @MessagePattern('notifications.unread_count')
  async unreadCount(@Payload() req: { userId: string }, @Ctx() ctx: RmqContext) {
    const count = await this.notifications.unreadCount(req.userId);
    ctx.getChannelRef().ack(ctx.getMessage());
    return { userId: req.userId, count };
  }
}
