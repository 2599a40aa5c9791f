import { types, type Message } from "wechaty";
import { isOnCooldown } from "./cooldown.js";
import { stockCommand } from "./commands/stock.js";
import { shipmentCommand } from "./commands/shipment.js";
import { helpCommand } from "./commands/help.js";

type Command = (msg: Message, args: string[]) => Promise<void>;

const commands: Record<string, Command> = {
  "#stock": stockCommand,
  "#ship": shipmentCommand,
  "#help": helpCommand,
};

export async function routeMessage(msg: Message): Promise<void> {
  if (msg.self() || msg.type() !== types.Message.Text) return;

  const [head, ...args] = msg.text().trim().split(/\s+/);
  const command = commands[head?.toLowerCase() ?? ""];
  if (!command) return;

  const talker = msg.talker();
  if (await isOnCooldown(talker.id, head)) {
    await msg.say("Slow down a little, try again in a few seconds.");
    return;
  }

  try {
    await command(msg, args);
  } catch (err) {
    console.error(`command ${head} failed`, err);
    await msg.say("Something went wrong, the on-call engineer has been notified.");
  }
}
