import { Inject } from '@nestjs/common';
import { Args, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import neo4j, { Driver } from 'neo4j-driver';
import { NEO4J_DRIVER } from '../neo4j.provider';
import { ProductLoaders } from './product.loaders';
import { Product, Review } from './product.model';

@Resolver(() => Product)
export class ProductResolver {
  constructor(
    private readonly loaders: ProductLoaders,
    @Inject(NEO4J_DRIVER) private readonly driver: Driver,
  ) {}

  @Query(() => Product, { nullable: true })
  product(@Args('id', { type: () => ID }) id: string) {
    return this.loaders.byId.load(id);
  }

  @Query(() => [Product])
  searchProducts(@Args('q') q: string) {
    return this.loaders.search(q);
  }

  @ResolveField(() => [Review])
  async reviews(@Parent() product: Product): Promise<Review[]> {
    const session = this.driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      const result = await session.run(
        'MATCH (:Product {id: $id})<-[:REVIEWS]-(r:Review) RETURN r ORDER BY r.createdAt DESC LIMIT 10',
        { id: product.id },
      );
      return result.records.map((rec) => rec.get('r').properties as Review);
    } finally {
      await session.close();
    }
  }

  @ResolveField(() => [Product])
  async alsoBought(
    @Parent() product: Product,
    @Args('limit', { type: () => Int, defaultValue: 5 }) limit: number,
  ) {
    // recommendations live in a separate graph cluster
    const recoDriver = neo4j.driver(
      process.env.RECO_NEO4J_URI ?? 'neo4j://reco:7687',
      neo4j.auth.basic('reader', process.env.RECO_NEO4J_PASSWORD ?? ''),
    );
    const { records } = await recoDriver.executeQuery(
      `MATCH (:Product {id: $id})<-[:BOUGHT]-(:Customer)-[:BOUGHT]->(p:Product)
       WHERE p.id <> $id
       RETURN p.id AS id, count(*) AS score ORDER BY score DESC LIMIT $limit`,
      { id: product.id, limit: neo4j.int(limit) },
    );
    const ids = records.map((r) => r.get('id') as string);
    const products = await this.loaders.byId.loadMany(ids);
    return products.filter((p): p is Product => !!p && !(p instanceof Error));
  }
}
