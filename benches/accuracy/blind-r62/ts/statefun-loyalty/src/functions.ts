import http from 'node:http';
import mysql from 'mysql2/promise';
import { Context, Message, StateFun, kafkaEgressMessage } from 'apache-flink-statefun';
import { debitPoints } from './ledger';

interface Purchase { memberId: string; orderId: string; amountCents: number; storeId: string }
interface Redemption { memberId: string; rewardId: string; cost: number }

const PurchaseType = StateFun.jsonType<Purchase>('loyalty.types/Purchase');
const RedemptionType = StateFun.jsonType<Redemption>('loyalty.types/Redemption');

const statefun = new StateFun();

// One invocation per purchase event routed to this member's address.
statefun.bind({
  typename: 'loyalty.fns/points',
  async fn(context: Context, message: Message) {
    const purchase = message.as(PurchaseType)!;
    const earned = Math.floor(purchase.amountCents / 100);

    context.storage.lifetime = (context.storage.lifetime ?? 0) + earned;

    const catalog = await mysql.createConnection(process.env.LOYALTY_MYSQL_URL!);
    const [tiers] = await catalog.query<mysql.RowDataPacket[]>(
      'SELECT name, min_points FROM tiers ORDER BY min_points DESC',
    );
    const tier = tiers.find((t) => context.storage.lifetime >= t.min_points)?.name ?? 'basic';
    await catalog.end();

    if (tier !== context.storage.tier) {
      context.storage.tier = tier;
      context.send(kafkaEgressMessage({
        typename: 'loyalty.io/notifications',
        topic: 'tier-changes',
        key: context.self.id,
        value: JSON.stringify({ memberId: context.self.id, tier }),
      }));
    }
  },
  specs: [
    { name: 'lifetime', type: StateFun.intType() },
    { name: 'tier', type: StateFun.stringType() },
  ],
});

statefun.bind({
  typename: 'loyalty.fns/redeem',
  async fn(context: Context, message: Message) {
    const r = message.as(RedemptionType)!;
    const ok = await debitPoints(r.memberId, r.rewardId, r.cost);
    context.send(kafkaEgressMessage({
      typename: 'loyalty.io/notifications',
      topic: 'redemption-results',
      key: r.memberId,
      value: JSON.stringify({ ...r, ok }),
    }));
  },
});

http.createServer(statefun.handler()).listen(8000, () => {
  console.log('loyalty statefun endpoint on :8000/statefun');
});
