import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { defineConfig, type EntityManager } from '@mikro-orm/postgresql';
import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType()
@Entity()
export class Product {
  @Field(() => ID)
  @PrimaryKey()
  id!: number;

  @Field()
  @Property({ unique: true })
  sku!: string;

  @Field()
  @Property()
  name!: string;

  @Field(() => Int)
  @Property()
  priceCents!: number;
}

@ObjectType()
@Entity()
export class StockMovement {
  @Field(() => ID)
  @PrimaryKey()
  id!: number;

  @Field(() => Product)
  @ManyToOne(() => Product)
  product!: Product;

  @Field()
  @Property()
  warehouseId!: string;

  @Field(() => Int)
  @Property()
  delta!: number;

  @Field()
  @Property()
  createdAt: Date = new Date();
}

export const ormConfig = defineConfig({
  clientUrl: process.env.DATABASE_URL,
  entities: [Product, StockMovement],
  pool: { min: 2, max: 10 },
  debug: process.env.NODE_ENV !== 'production',
});

export interface GqlContext {
  em: EntityManager;
  userId?: string;
}
