import type { Message } from "wechaty";
import { findStock } from "../inventory/store.js";

export async function stockCommand(msg: Message, args: string[]): Promise<void> {
  const query = args.join(" ");
  if (!query) {
    await msg.say("Usage: #stock <sku or name>");
    return;
  }
  const rows = await findStock(query);
  if (rows.length === 0) {
    await msg.say(`No stock found for "${query}".`);
    return;
  }
  const lines = rows.map((r) => `${r.sku} ${r.name}: ${r.onHand - r.reserved} available (${r.reserved} reserved)`);
  await msg.say(lines.join("\n"));
}
