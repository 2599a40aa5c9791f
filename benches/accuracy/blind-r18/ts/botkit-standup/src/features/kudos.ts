import type { Botkit } from "botkit";
import { MongoClient } from "mongodb";

interface Kudo {
  team: string;
  from: string;
  to: string;
  reason: string;
  at: Date;
}

const kudosClient = new MongoClient(process.env.MONGO_URL ?? "mongodb://localhost:27017", { appName: "standup-bot-kudos" });
const kudos = kudosClient.db(process.env.MONGO_DB ?? "standup_bot").collection<Kudo>("kudos");

export function registerKudos(controller: Botkit) {
  controller.hears(/^kudos <@(\w+)>\s*(.*)$/i, ["message", "direct_message"], async (bot, message) => {
    const [, to, reason] = message.matches ?? [];
    if (!to || to === message.user) {
      await bot.reply(message, "Nice try 🙃");
      return;
    }
    await kudos.insertOne({ team: message.team as string, from: message.user, to, reason: reason || "being awesome", at: new Date() });
    const total = await kudos.countDocuments({ team: message.team as string, to });
    await bot.reply(message, `:tada: <@${to}> now has ${total} kudos`);
  });

  controller.hears("kudos leaderboard", ["direct_message", "app_mention"], async (bot, message) => {
    const top = await kudos
      .aggregate<{ _id: string; n: number }>([
        { $match: { team: message.team as string } },
        { $group: { _id: "$to", n: { $sum: 1 } } },
        { $sort: { n: -1 } },
        { $limit: 5 },
      ])
      .toArray();
    await bot.reply(message, top.map((t, i) => `${i + 1}. <@${t._id}> — ${t.n}`).join("\n") || "No kudos yet");
  });
}
