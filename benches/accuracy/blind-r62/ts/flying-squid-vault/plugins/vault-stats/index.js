'use strict'

const Redis = require('ioredis')
const { openSession, closeSession } = require('./db')
const { topPlayers } = require('./leaderboard')

module.exports.server = function (serv) {
  serv.on('asap', () => serv.info('[vault-stats] ready'))
}

// flying-squid calls this inject once for every player that logs in.
module.exports.player = function (player, serv) {
  const presence = new Redis(process.env.VAULT_REDIS_URL || 'redis://127.0.0.1:6379')
  let sessionId = null
  let placed = 0
  let broken = 0

  player.on('spawned', async () => {
    try {
      sessionId = await openSession(player.uuid, player.username)
      await presence.sadd('vault:online', player.username)
      await presence.publish('vault:events', JSON.stringify({ type: 'join', player: player.username }))
    } catch (err) {
      serv.err(`[vault-stats] ${err.message}`)
    }
  })

  player.on('placeBlock', () => { placed++ })
  player.on('dig', () => { broken++ })

  player.on('disconnected', async () => {
    await presence.srem('vault:online', player.username)
    if (sessionId !== null) await closeSession(sessionId, placed, broken)
  })

  serv.commands.add({
    base: 'top',
    info: 'Show the most active players',
    usage: '/top [n]',
    parse (str) {
      const n = parseInt(str, 10)
      return { n: Number.isNaN(n) ? 5 : Math.min(n, 10) }
    },
    async action ({ n }) {
      const rows = await topPlayers(n)
      rows.forEach((r, i) => player.chat(`${i + 1}. ${r.username} - ${Math.round(r.seconds / 3600)} h`))
    }
  })
}
