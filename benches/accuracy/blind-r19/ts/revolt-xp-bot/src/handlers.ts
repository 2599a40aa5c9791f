import type { Message, ServerMember } from "revolt.js";
import type { Deps } from "./deps.js";
import { awardXp, giftXp, showXp } from "./commands/xp.js";

const PREFIX = "!";

/** Built once in main; the returned closures run per gateway event. */
export function createHandlers(deps: Deps) {
  async function onMessage(message: Message): Promise<void> {
    if (message.author?.bot || !message.content) return;

    if (!message.content.startsWith(PREFIX)) {
      await awardXp(deps, message);
      return;
    }

    const [command, ...args] = message.content.slice(PREFIX.length).trim().split(/\s+/);
    let reply: string | undefined;
    switch (command) {
      case "xp":
        reply = await showXp(deps, message);
        break;
      case "gift":
        reply = await giftXp(deps, message, args);
        break;
    }
    if (reply) await message.reply(reply);
  }

  async function onMemberJoin(member: ServerMember): Promise<void> {
    await deps.pool.query(
      "INSERT INTO xp (server_id, user_id, points) VALUES ($1, $2, 0) ON CONFLICT DO NOTHING",
      [member.id.server, member.id.user],
    );
  }

  return { onMessage, onMemberJoin };
}
