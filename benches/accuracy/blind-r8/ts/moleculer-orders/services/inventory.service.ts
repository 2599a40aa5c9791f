import type { Context, ServiceSchema } from "moleculer";
import { Errors } from "moleculer";
import knex, { Knex } from "knex";

interface ReserveParams {
	orderId: number;
	lines: Array<{ sku: string; qty: number }>;
}

const InventoryService: ServiceSchema = {
	name: "inventory",

	actions: {
		stock: {
			params: { sku: "string" },
			async handler(this: { db: Knex }, ctx: Context<{ sku: string }>) {
				const row = await this.db("stock").where({ sku: ctx.params.sku }).first("sku", "on_hand", "reserved");
				return row ?? { sku: ctx.params.sku, on_hand: 0, reserved: 0 };
			},
		},

		reserve: {
			params: {
				orderId: "number|integer|positive",
				lines: { type: "array", items: { type: "object", props: { sku: "string", qty: "number|positive" } } },
			},
			async handler(this: { db: Knex }, ctx: Context<ReserveParams>) {
				const trx = await this.db.transaction();
				for (const line of ctx.params.lines) {
					const updated = await trx("stock")
						.where({ sku: line.sku })
						.andWhereRaw("on_hand - reserved >= ?", [line.qty])
						.increment("reserved", line.qty);
					if (updated === 0) {
						throw new Errors.MoleculerClientError(`Insufficient stock for ${line.sku}`, 409, "OUT_OF_STOCK");
					}
				}
				await trx("reservations").insert(
					ctx.params.lines.map((l) => ({ order_id: ctx.params.orderId, sku: l.sku, qty: l.qty })),
				);
				await trx.commit();
				ctx.emit("inventory.reserved", { orderId: ctx.params.orderId });
				return { ok: true };
			},
		},

		release: {
			params: { orderId: "number|integer|positive" },
			async handler(this: { db: Knex }, ctx: Context<{ orderId: number }>) {
				await this.db.transaction(async (trx) => {
					const rows = await trx("reservations").where({ order_id: ctx.params.orderId });
					for (const r of rows) {
						await trx("stock").where({ sku: r.sku }).decrement("reserved", r.qty);
					}
					await trx("reservations").where({ order_id: ctx.params.orderId }).delete();
				});
				return { ok: true };
			},
		},
	},

	created() {
		this.db = knex({ client: "pg", connection: process.env.DATABASE_URL, pool: { min: 1, max: 10 } });
	},

	async stopped() {
		await this.db.destroy();
	},
};

export = InventoryService;
