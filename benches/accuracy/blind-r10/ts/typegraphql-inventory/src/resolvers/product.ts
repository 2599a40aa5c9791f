import { Arg, Ctx, Field, FieldResolver, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { createClient } from '@libsql/client';
import { Product, type GqlContext } from '../orm';

@ObjectType()
class EdgeStock {
  @Field()
  region!: string;

  @Field(() => Int)
  available!: number;
}

@Resolver(() => Product)
export class ProductResolver {
  @Query(() => [Product])
  async products(
    @Ctx() { em }: GqlContext,
    @Arg('limit', () => Int, { defaultValue: 50 }) limit: number,
  ): Promise<Product[]> {
    return em.find(Product, {}, { limit: Math.min(limit, 200), orderBy: { id: 'asc' } });
  }

  @Query(() => Product, { nullable: true })
  async product(@Ctx() { em }: GqlContext, @Arg('sku') sku: string): Promise<Product | null> {
    return em.findOne(Product, { sku });
  }

  @FieldResolver(() => [EdgeStock])
  async edgeStock(@Root() product: Product): Promise<EdgeStock[]> {
    const edge = createClient({
      url: process.env.EDGE_DB_URL!,
      authToken: process.env.EDGE_DB_TOKEN,
    });
    const rs = await edge.execute({
      sql: 'SELECT region, available FROM stock WHERE sku = ? ORDER BY region',
      args: [product.sku],
    });
    return rs.rows.map((row) => ({ region: String(row.region), available: Number(row.available) }));
  }
}
