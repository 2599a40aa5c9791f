import { Bot, type Context } from "grammy";
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { allow, redis } from "./limits.js";
import { recipesCollection } from "./storage.js";

const bot = new Bot<Context>(process.env.BOT_TOKEN!);

bot.use(async (ctx, next) => {
  if (ctx.chat && !(await allow(ctx.chat.id))) {
    await ctx.reply("Slow down a little 🙂");
    return;
  }
  await next();
});

bot.command("start", (ctx) =>
  ctx.reply("Send /save <title> | <recipe>, /list, or a photo of your dish."),
);

bot.command("save", async (ctx) => {
  const [title, ...rest] = ctx.match.split("|");
  if (!title || rest.length === 0) {
    return ctx.reply("Usage: /save Pancakes | flour, milk, eggs…");
  }
  const recipes = await recipesCollection();
  await recipes.insertOne({
    chatId: ctx.chat.id,
    title: title.trim(),
    body: rest.join("|").trim(),
    createdAt: new Date(),
  });
  await ctx.reply(`Saved “${title.trim()}”.`);
});

bot.command("list", async (ctx) => {
  const recipes = await recipesCollection();
  const docs = await recipes
    .find({ chatId: ctx.chat.id })
    .sort({ createdAt: -1 })
    .limit(20)
    .toArray();
  if (docs.length === 0) return ctx.reply("No recipes yet.");
  await ctx.reply(docs.map((d, i) => `${i + 1}. ${d.title}`).join("\n"));
});

bot.on("message:photo", async (ctx) => {
  const photo = ctx.message.photo.at(-1)!;
  const file = await ctx.getFile();
  const res = await fetch(`https://api.telegram.org/file/bot${bot.token}/${file.file_path}`);
  const bytes = new Uint8Array(await res.arrayBuffer());

  const s3 = new S3Client({ region: process.env.AWS_REGION ?? "eu-west-1" });
  const key = `photos/${ctx.chat.id}/${photo.file_unique_id}.jpg`;
  await s3.send(
    new PutObjectCommand({
      Bucket: process.env.PHOTO_BUCKET!,
      Key: key,
      Body: bytes,
      ContentType: "image/jpeg",
    }),
  );
  await redis.lpush(`photos:${ctx.chat.id}`, key);
  await ctx.reply("Nice dish! Photo stored.");
});

bot.catch((err) => console.error("update failed", err.error));

bot.start({ onStart: (me) => console.log(`@${me.username} running`) });
