import { OnApplicationBootstrap } from "@nestjs/common";
import { Args, Mutation, Query, Resolver } from "@nestjs/graphql";
import {
  ActiveOrderService,
  Ctx,
  EventBus,
  ForbiddenError,
  OrderStateTransitionEvent,
  PluginCommonModule,
  RequestContext,
  VendurePlugin,
} from "@vendure/core";
import gql from "graphql-tag";
import Redis from "ioredis";
import { filter } from "rxjs/operators";
import { LoyaltyService, PartnerBalance } from "./loyalty.service";

const shopApiExtensions = gql`
  type PartnerBalance {
    partner: String!
    points: Int!
  }
  extend type Query {
    loyaltyPoints: Int!
    partnerBalances: [PartnerBalance!]!
  }
  extend type Mutation {
    redeemLoyaltyPoints(points: Int!): Int!
  }
`;

@Resolver()
export class LoyaltyShopResolver {
  constructor(
    private loyalty: LoyaltyService,
    private activeOrderService: ActiveOrderService,
  ) {}

  @Query()
  async loyaltyPoints(@Ctx() ctx: RequestContext): Promise<number> {
    if (!ctx.activeUserId) throw new ForbiddenError();
    return this.loyalty.balance(String(ctx.activeUserId));
  }

  @Query()
  async partnerBalances(@Ctx() ctx: RequestContext): Promise<PartnerBalance[]> {
    const email = ctx.session?.user?.identifier;
    if (!email) throw new ForbiddenError();
    return this.loyalty.partnerBalances(email);
  }

  @Mutation()
  async redeemLoyaltyPoints(@Ctx() ctx: RequestContext, @Args() args: { points: number }): Promise<number> {
    if (!ctx.activeUserId) throw new ForbiddenError();
    const order = await this.activeOrderService.getActiveOrder(ctx, undefined);
    return this.loyalty.redeem(String(ctx.activeUserId), args.points, order?.code ?? "no-order");
  }
}

@VendurePlugin({
  imports: [PluginCommonModule],
  providers: [LoyaltyService],
  shopApiExtensions: {
    schema: shopApiExtensions,
    resolvers: [LoyaltyShopResolver],
  },
  compatibility: "^2.0.0",
})
export class LoyaltyPlugin implements OnApplicationBootstrap {
  constructor(
    private eventBus: EventBus,
    private loyalty: LoyaltyService,
  ) {}

  onApplicationBootstrap(): void {
    this.eventBus
      .ofType(OrderStateTransitionEvent)
      .pipe(filter((event) => event.toState === "PaymentSettled"))
      .subscribe(async (event) => {
        const order = event.order;
        const customerId = order.customerId ? String(order.customerId) : undefined;
        if (!customerId) return;

        const points = Math.floor(order.totalWithTax / 100);
        await this.loyalty.award(customerId, order.code, points);

        // Leaderboard for the "trail champions" page.
        const redis = new Redis(process.env.REDIS_URL ?? "redis://localhost:6379");
        await redis.zincrby("loyalty:leaderboard:" + new Date().getUTCFullYear(), points, customerId);
        await redis.quit();
      });
  }
}
