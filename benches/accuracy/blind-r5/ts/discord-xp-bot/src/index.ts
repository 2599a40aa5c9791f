import { Client, Events, GatewayIntentBits } from 'discord.js'
import { handleMessage } from './handlers/message.js'
import { handleInteraction } from './handlers/interaction.js'

const client = new Client({
  intents: [
    GatewayIntentBits.Guilds,
    GatewayIntentBits.GuildMessages,
    GatewayIntentBits.MessageContent,
  ],
})

client.once(Events.ClientReady, (c) => {
  console.log(`logged in as ${c.user.tag}, serving ${c.guilds.cache.size} guilds`)
})

client.on(Events.MessageCreate, (msg) => {
  handleMessage(msg).catch((err) => console.error('messageCreate failed', err))
})

client.on(Events.InteractionCreate, (interaction) => {
  handleInteraction(interaction).catch((err) => console.error('interactionCreate failed', err))
})

await client.login(process.env.DISCORD_TOKEN)
