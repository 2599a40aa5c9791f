import { Bot } from "gramio";
import { MongoClient } from "mongodb";
import { pool } from "./db.js";
import { addExpense, joinGroup } from "./commands/expense.js";
import { balanceReport } from "./commands/report.js";

const MONGO_URL = process.env.MONGO_URL ?? "mongodb://localhost:27017";

const bot = new Bot(process.env.BOT_TOKEN as string)
  // static values shared by every handler
  .decorate({ db: pool })
  // per-update values: the raw update log lives in Mongo for debugging disputes
  .derive(["message"], (context) => ({
    updateLog: new MongoClient(MONGO_URL, { appName: "splitbill-bot" })
      .db("splitbill")
      .collection("updates"),
    receivedAt: new Date(),
  }))
  .command("start", (context) =>
    context.send("Hi! Add me to a group, everyone sends /join, then log costs with /add 12.50 pizza")
  )
  .command("join", async (context) => {
    const from = context.from;
    if (!from) return;
    await context.send(await joinGroup(context.db, context.chat.id, from.id, from.username ?? String(from.id)));
  })
  .command("add", async (context) => {
    await context.updateLog.insertOne({
      chatId: context.chat.id,
      userId: context.from?.id,
      text: context.text,
      at: context.receivedAt,
    });
    const reply = await addExpense(context.db, context.chat.id, context.from?.id ?? 0, context.args);
    await context.send(reply);
  })
  .command("report", async (context) => {
    await context.send(await balanceReport(context.db, context.chat.id));
  })
  .onError(({ context, error }) => {
    console.error("handler failed", error);
    if ("send" in context) return context.send("Something went wrong, try again in a minute.");
  })
  .onStart(({ info }) => console.log(`splitbill running as @${info.username}`));

bot.start();

process.once("SIGTERM", async () => {
  await bot.stop();
  await pool.end();
});
