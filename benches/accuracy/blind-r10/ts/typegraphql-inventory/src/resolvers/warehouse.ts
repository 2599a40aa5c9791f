import { Arg, Ctx, Field, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { Product, StockMovement, type GqlContext } from '../orm';
import { openAuditLog, reportPool } from '../datasources';

@ObjectType()
class WarehouseTotal {
  @Field()
  warehouseId!: string;

  @Field(() => Int)
  units!: number;
}

@Resolver()
export class WarehouseResolver {
  @Mutation(() => StockMovement)
  async moveStock(
    @Ctx() { em, userId }: GqlContext,
    @Arg('sku') sku: string,
    @Arg('warehouseId') warehouseId: string,
    @Arg('delta', () => Int) delta: number,
  ): Promise<StockMovement> {
    const product = await em.findOneOrFail(Product, { sku });
    const movement = em.create(StockMovement, { product, warehouseId, delta, createdAt: new Date() });
    await em.persist(movement).flush();

    const audit = await openAuditLog();
    await audit.query('INSERT INTO audit_log (actor, action, payload) VALUES ($1, $2, $3)', [
      userId ?? 'anonymous',
      'stock.move',
      JSON.stringify({ sku, warehouseId, delta }),
    ]);

    return movement;
  }

  @Query(() => [WarehouseTotal])
  async warehouseTotals(@Arg('sku') sku: string): Promise<WarehouseTotal[]> {
    const client = await reportPool.connect();
    const { rows } = await client.query(
      `SELECT sm.warehouse_id, SUM(sm.delta)::int AS units
         FROM stock_movement sm
         JOIN product p ON p.id = sm.product_id
        WHERE p.sku = $1
        GROUP BY sm.warehouse_id
        ORDER BY sm.warehouse_id`,
      [sku],
    );
    client.release();
    return rows.map((r) => ({ warehouseId: r.warehouse_id, units: r.units }));
  }
}
