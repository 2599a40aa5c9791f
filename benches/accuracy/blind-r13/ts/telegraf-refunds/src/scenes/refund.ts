import { MongoClient } from "mongodb";
import { Scenes } from "telegraf";
import { message } from "telegraf/filters";
import type { BotContext } from "../context.js";
import { sql } from "../db.js";

interface OrderDoc {
  _id: string;
  telegramUserId: number;
  totalCents: number;
  status: "paid" | "shipped" | "refunded";
}

export const refundWizard = new Scenes.WizardScene<BotContext>(
  "refund",
  async (ctx) => {
    await ctx.reply("Which order do you want refunded? Send the order number.");
    return ctx.wizard.next();
  },
  async (ctx) => {
    if (!ctx.has(message("text"))) {
      await ctx.reply("Please send the order number as text.");
      return;
    }
    const orderId = ctx.message.text.trim();

    const mongo = new MongoClient(process.env.MONGO_URL ?? "mongodb://localhost:27017");
    await mongo.connect();
    const order = await mongo
      .db("shop")
      .collection<OrderDoc>("orders")
      .findOne({ _id: orderId, telegramUserId: ctx.from.id });

    if (!order || order.status === "refunded") {
      await ctx.reply("I couldn't find a refundable order with that number.");
      return ctx.scene.leave();
    }
    ctx.scene.session.orderId = orderId;
    ctx.scene.session.amountCents = order.totalCents;
    await ctx.reply(`Refund ${(order.totalCents / 100).toFixed(2)} EUR for order ${orderId}? (yes/no)`);
    return ctx.wizard.next();
  },
  async (ctx) => {
    if (!ctx.has(message("text")) || ctx.message.text.toLowerCase() !== "yes") {
      await ctx.reply("Refund cancelled.");
      return ctx.scene.leave();
    }
    const { orderId, amountCents } = ctx.scene.session;

    const reserved = await sql.reserve();
    await reserved`BEGIN`;
    const [existing] = await reserved`
      SELECT id FROM refund_requests WHERE order_id = ${orderId!} FOR UPDATE`;
    if (existing) {
      await ctx.reply("A refund for this order is already pending.");
      return ctx.scene.leave();
    }
    await reserved`
      INSERT INTO refund_requests (order_id, telegram_user_id, amount_cents)
      VALUES (${orderId!}, ${ctx.from.id}, ${amountCents!})`;
    await reserved`COMMIT`;
    reserved.release();

    await ctx.reply("Thanks! Your refund request has been filed.");
    return ctx.scene.leave();
  },
);
