import { Scenes, session, Telegraf } from "telegraf";
import type { BotContext } from "./context.js";
import { sql } from "./db.js";
import { registerPhotoHandler } from "./handlers/photo.js";
import { refundWizard } from "./scenes/refund.js";

const bot = new Telegraf<BotContext>(process.env.BOT_TOKEN!);
const stage = new Scenes.Stage<BotContext>([refundWizard]);

bot.use(session());
bot.use(stage.middleware());

bot.command("refund", (ctx) => ctx.scene.enter("refund"));
bot.command("status", async (ctx) => {
  const rows = await sql`
    SELECT order_id, state FROM refund_requests
    WHERE telegram_user_id = ${ctx.from.id} ORDER BY created_at DESC LIMIT 5`;
  await ctx.reply(rows.length ? rows.map((r) => `${r.order_id}: ${r.state}`).join("\n") : "No refund requests yet.");
});
registerPhotoHandler(bot);

bot.launch();

const stop = async (signal: string) => {
  bot.stop(signal);
  await sql.end({ timeout: 5 });
};
process.once("SIGINT", () => void stop("SIGINT"));
process.once("SIGTERM", () => void stop("SIGTERM"));
