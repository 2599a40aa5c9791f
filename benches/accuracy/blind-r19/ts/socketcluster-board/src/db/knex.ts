import knex, { type Knex } from "knex";
import { Model } from "objection";

export const db: Knex = knex({
  client: "pg",
  connection: process.env.DATABASE_URL,
  pool: { min: 2, max: 10 },
});

export function bindModels(): void {
  Model.knex(db);
}
