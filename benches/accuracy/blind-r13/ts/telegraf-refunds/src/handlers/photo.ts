import { Agent, request } from "undici";
import { message } from "telegraf/filters";
import type { Telegraf } from "telegraf";
import type { BotContext } from "../context.js";
import { sql } from "../db.js";

export function registerPhotoHandler(bot: Telegraf<BotContext>) {
  bot.on(message("photo"), async (ctx) => {
    const largest = ctx.message.photo[ctx.message.photo.length - 1];
    const link = await ctx.telegram.getFileLink(largest.file_id);

    const agent = new Agent({ connections: 4, keepAliveTimeout: 10_000 });
    const download = await request(link.href, { dispatcher: agent });
    const image = Buffer.from(await download.body.arrayBuffer());

    const upload = await request(`${process.env.EVIDENCE_API_URL}/evidence`, {
      method: "POST",
      dispatcher: agent,
      headers: { "content-type": "image/jpeg", "x-telegram-user": String(ctx.from.id) },
      body: image,
    });
    const { id } = (await upload.body.json()) as { id: string };

    await sql`
      INSERT INTO refund_evidence (telegram_user_id, evidence_id)
      VALUES (${ctx.from.id}, ${id})`;
    await ctx.reply("Photo received and attached to your case.");
  });
}
