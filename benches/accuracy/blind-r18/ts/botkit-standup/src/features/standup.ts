import type { Botkit, BotkitMessage, BotWorker } from "botkit";
import { botDb, mongo, type StandupEntry } from "../lib/mongo";

function parseStandup(text: string): Pick<StandupEntry, "yesterday" | "today" | "blockers"> {
  const [yesterday = "", today = "", blockers = "none"] = text.split("|").map((s) => s.trim());
  return { yesterday, today, blockers };
}

async function saveStandup(bot: BotWorker, message: BotkitMessage) {
  const entry: StandupEntry = {
    team: message.team as string,
    user: message.user,
    channel: message.channel,
    ...parseStandup(message.text ?? ""),
    at: new Date(),
  };

  const session = mongo.startSession();
  session.startTransaction();
  try {
    await botDb.collection<StandupEntry>("standups").insertOne(entry, { session });
    await botDb
      .collection("streaks")
      .updateOne(
        { team: entry.team, user: entry.user },
        { $inc: { days: 1 }, $set: { last: entry.at } },
        { upsert: true, session },
      );
    await session.commitTransaction();
  } catch (err) {
    await session.abortTransaction();
    throw err;
  }

  await bot.replyPrivate(message, `Standup saved ✅ (blockers: ${entry.blockers})`);
}

export function registerStandup(controller: Botkit) {
  controller.on("slash_command", async (bot, message) => {
    if (message.command !== "/standup") return;
    if (!message.text) {
      await bot.replyPrivate(message, "Usage: /standup yesterday | today | blockers");
      return;
    }
    await saveStandup(bot, message);
  });

  controller.hears("who is blocked", ["direct_message", "app_mention"], async (bot, message) => {
    const since = new Date(Date.now() - 24 * 3600 * 1000);
    const blocked = await botDb
      .collection<StandupEntry>("standups")
      .find({ team: message.team as string, at: { $gte: since }, blockers: { $nin: ["none", ""] } })
      .project({ user: 1, blockers: 1 })
      .toArray();
    await bot.reply(
      message,
      blocked.length ? blocked.map((b) => `<@${b.user}>: ${b.blockers}`).join("\n") : "Nobody is blocked 🎉",
    );
  });
}
