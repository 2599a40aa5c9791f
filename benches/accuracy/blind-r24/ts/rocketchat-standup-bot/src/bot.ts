import { driver } from "@rocket.chat/sdk";
import { db, type ChatMessage } from "./lib";
import { handleStandup } from "./commands/standup";
import { handleOncall } from "./commands/oncall";
import { handleKarma, KARMA_RE } from "./commands/karma";

const HOST = process.env.ROCKETCHAT_URL ?? "chat.internal:3000";
const ROOMS = (process.env.ROCKETCHAT_ROOMS ?? "general,eng-platform").split(",");

let botUserId = "";

async function processMessages(err: unknown, message: ChatMessage, _opts: unknown) {
  if (err) {
    console.error("subscription error", err);
    return;
  }
  if (!message || message.u._id === botUserId) return;

  const roomName = await driver.getRoomName(message.rid);
  const reply = (text: string) => driver.sendToRoom(text, roomName);
  const text = message.msg ?? "";

  try {
    if (text.startsWith("!standup")) {
      await handleStandup(message, reply);
    } else if (text.startsWith("!oncall")) {
      await handleOncall(message, reply);
    } else if (KARMA_RE.test(text)) {
      await handleKarma(message, reply);
    }
  } catch (e) {
    console.error(`command failed in ${roomName}`, e);
    await reply(":warning: something went wrong, check the bot logs");
  }
}

async function main() {
  await driver.connect({ host: HOST, useSsl: HOST.startsWith("https") });
  botUserId = await driver.login({
    username: process.env.ROCKETCHAT_USER ?? "standup-bot",
    password: process.env.ROCKETCHAT_PASSWORD ?? "",
  });
  await driver.joinRooms(ROOMS);
  await driver.subscribeToMessages();
  await driver.reactToMessages(processMessages);
  console.log(`standup bot connected to ${HOST} as ${botUserId}, rooms: ${ROOMS.join(", ")}`);
}

process.on("SIGTERM", async () => {
  await driver.disconnect();
  await db.end();
  process.exit(0);
});

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
