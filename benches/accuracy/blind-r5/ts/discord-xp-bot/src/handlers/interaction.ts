import type { Interaction } from 'discord.js'
import { createStatsClient, type XpDoc } from '../stores.js'

export async function handleInteraction(interaction: Interaction) {
  if (!interaction.isChatInputCommand()) return
  if (!interaction.inGuild()) return

  if (interaction.commandName === 'rank') {
    const target = interaction.options.getUser('user') ?? interaction.user
    const mongo = createStatsClient()
    await mongo.connect()
    const doc = await mongo
      .db('botstats')
      .collection<XpDoc>('xp')
      .findOne({ guildId: interaction.guildId, userId: target.id })
    await interaction.reply({
      content: `${target.username} is level ${doc?.level ?? 0} with ${doc?.xp ?? 0} XP`,
      ephemeral: true,
    })
    await mongo.close()
    return
  }

  if (interaction.commandName === 'ping') {
    await interaction.reply(`pong (${interaction.client.ws.ping} ms)`)
  }
}
