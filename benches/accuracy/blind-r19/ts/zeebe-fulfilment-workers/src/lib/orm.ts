import { MikroORM } from "@mikro-orm/postgresql";
import { OrderSchema, StockItemSchema } from "../entities/Order.js";

/** Called once from main(); every job forks its own EntityManager from this ORM. */
export async function initOrm(): Promise<MikroORM> {
  return MikroORM.init({
    clientUrl: process.env.DATABASE_URL,
    entities: [OrderSchema, StockItemSchema],
    pool: { min: 1, max: 10 },
    debug: process.env.NODE_ENV !== "production",
  });
}
