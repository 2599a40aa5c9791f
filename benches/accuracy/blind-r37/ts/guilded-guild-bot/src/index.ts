import { Client } from "guilded.js";
import { commands } from "./commands/index.js";
import { pool } from "./db.js";

const PREFIX = "!";

const client = new Client({ token: process.env.GUILDED_TOKEN! });

client.on("ready", () => {
  console.log(`logged in as ${client.user?.name}`);
});

client.on("messageCreated", async (message) => {
  if (message.createdByWebhookId || message.authorId === client.user?.id) return;

  // passive XP for every message in a server channel
  if (message.serverId) {
    await pool.query(
      `INSERT INTO xp (server_id, user_id, points) VALUES ($1, $2, 5)
       ON CONFLICT (server_id, user_id) DO UPDATE SET points = xp.points + 5`,
      [message.serverId, message.authorId]
    );
  }

  if (!message.content.startsWith(PREFIX)) return;
  const [name, ...args] = message.content.slice(PREFIX.length).trim().split(/\s+/);
  const command = commands[name.toLowerCase()];
  if (!command) return;

  try {
    await command(message, args);
  } catch (err) {
    console.error(`command ${name} failed`, err);
    await message.reply("Something went wrong, try again later.");
  }
});

client.on("error", (err) => console.error("gateway error", err));

process.on("SIGTERM", async () => {
  client.disconnect();
  await pool.end();
  process.exit(0);
});

client.login();
