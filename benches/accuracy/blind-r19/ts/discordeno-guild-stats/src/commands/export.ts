import type { Bot, Interaction } from "discordeno";
import { sql } from "@databases/pg";
import { openExportPool } from "@lib/export";

export async function exportCommand(bot: Bot, interaction: Interaction): Promise<string> {
  if (!interaction.guildId) return "Exports only work inside a server.";

  const exportDb = openExportPool();
  try {
    const rows = await exportDb.query(sql`
      SELECT user_id, day, count FROM message_counts
      WHERE guild_id = ${interaction.guildId}
      ORDER BY day, user_id
    `);
    const csv = ["user_id,day,count", ...rows.map((r) => `${r.user_id},${r.day},${r.count}`)].join("\n");
    const dm = await bot.helpers.getDmChannel(interaction.user.id);
    await bot.helpers.sendMessage(dm.id, {
      content: `Export for guild ${interaction.guildId}`,
      file: { name: "messages.csv", blob: new Blob([csv], { type: "text/csv" }) },
    });
    return `Sent ${rows.length} rows to your DMs.`;
  } finally {
    await exportDb.dispose();
  }
}
