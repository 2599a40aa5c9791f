import type { Context, ServiceSchema } from "moleculer";
import { Errors } from "moleculer";
import knex, { Knex } from "knex";
import { MongoClient } from "mongodb";
import { createOrderCache, readThrough, OrderCache } from "../lib/cache";

interface OrderLocals {
	cache: OrderCache;
}

interface PaymentSettled {
	orderId: number;
	amountCents: number;
	provider: string;
}

const OrdersService: ServiceSchema = {
	name: "orders",

	settings: {
		archiveDb: "orders_archive",
	},

	hooks: {
		before: {
			"*": function (ctx: Context<unknown, Record<string, never>, OrderLocals>) {
				ctx.locals.cache = createOrderCache(30);
			},
		},
		after: {
			"*": async function (ctx: Context<unknown, Record<string, never>, OrderLocals>, res: unknown) {
				await ctx.locals.cache.client.quit();
				return res;
			},
		},
	},

	actions: {
		get: {
			params: { id: "number|integer|positive|convert" },
			async handler(this: { db: Knex }, ctx: Context<{ id: number }, Record<string, never>, OrderLocals>) {
				const order = await readThrough(ctx.locals.cache, `order:${ctx.params.id}`, () =>
					this.db("orders").where({ id: ctx.params.id }).first(),
				);
				if (!order) throw new Errors.MoleculerClientError("Order not found", 404, "NOT_FOUND");
				return order;
			},
		},

		listForCustomer: {
			params: { customerId: "number|integer|positive|convert" },
			async handler(this: { db: Knex }, ctx: Context<{ customerId: number }, Record<string, never>, OrderLocals>) {
				return readThrough(ctx.locals.cache, `orders:customer:${ctx.params.customerId}`, () =>
					this.db("orders")
						.where({ customer_id: ctx.params.customerId })
						.orderBy("created_at", "desc")
						.limit(50),
				);
			},
		},
	},

	events: {
		"payment.settled": {
			async handler(this: { db: Knex; settings: { archiveDb: string } }, ctx: Context<PaymentSettled>) {
				const { orderId, amountCents, provider } = ctx.params;
				await this.db("orders").where({ id: orderId }).update({ status: "paid", paid_cents: amountCents });

				const archive = new MongoClient(process.env.MONGO_URL || "mongodb://localhost:27017");
				try {
					await archive.connect();
					await archive
						.db(this.settings.archiveDb)
						.collection("payments")
						.insertOne({ orderId, amountCents, provider, settledAt: new Date() });
				} finally {
					await archive.close();
				}
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

export = OrdersService;
