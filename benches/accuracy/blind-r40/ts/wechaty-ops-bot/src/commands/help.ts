import type { Message } from "wechaty";

export async function helpCommand(msg: Message): Promise<void> {
  await msg.say(["#stock <sku|name>  - available stock", "#ship <order>     - shipment status", "#help             - this text"].join("\n"));
}
