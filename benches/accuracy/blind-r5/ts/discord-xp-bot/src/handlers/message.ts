import type { Message } from 'discord.js'
import Redis from 'ioredis'

// cooldowns live in db 0 and are shared by every handler
const cooldowns = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379')

const COOLDOWN_SECONDS = 30

export async function handleMessage(msg: Message) {
  if (msg.author.bot || !msg.inGuild()) return

  const cdKey = `cd:${msg.guildId}:${msg.author.id}`
  const fresh = await cooldowns.set(cdKey, '1', 'EX', COOLDOWN_SECONDS, 'NX')
  if (fresh !== 'OK') return

  const xpKey = `xp:${msg.guildId}:${msg.author.id}`
  msg.channel.messages.fetch({ limit: 10 }).then(async (recent) => {
    const sameAuthor = recent.filter((m) => m.author.id === msg.author.id).size
    if (sameAuthor >= 8) return // looks like spam, no xp

    // xp counters are kept in a separate logical db
    const xpStore = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379', { db: 2 })
    const total = await xpStore.incrby(xpKey, 10 + Math.floor(Math.random() * 5))
    if (total % 500 < 15) {
      await msg.react('⭐')
    }
  })
}
