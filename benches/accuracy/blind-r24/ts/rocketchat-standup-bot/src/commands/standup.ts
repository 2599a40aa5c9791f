import { Client } from "pg";
import { parseArgs, type ChatMessage, type Reply } from "../lib";

// Standup notes live in the team-tools database, not the bot's own DB.
const STANDUP_DB = process.env.TEAMTOOLS_DATABASE_URL;

export async function handleStandup(message: ChatMessage, reply: Reply): Promise<void> {
  const [sub, ...rest] = parseArgs(message.msg);

  const client = new Client({ connectionString: STANDUP_DB, application_name: "standup-bot" });
  await client.connect();
  try {
    if (sub === "add") {
      const note = rest.join(" ");
      if (!note) {
        await reply("usage: `!standup add <what you did / will do>`");
        return;
      }
      await client.query(
        `insert into standup_notes (username, room_id, note, day) values ($1, $2, $3, current_date)`,
        [message.u.username, message.rid, note],
      );
      await reply(`:memo: noted, @${message.u.username}`);
      return;
    }

    const { rows } = await client.query<{ username: string; note: string }>(
      `select username, note from standup_notes
        where room_id = $1 and day = current_date order by created_at`,
      [message.rid],
    );
    if (rows.length === 0) {
      await reply("No standup notes yet today.");
      return;
    }
    await reply(rows.map((r) => `• *${r.username}*: ${r.note}`).join("\n"));
  } finally {
    await client.end();
  }
}
