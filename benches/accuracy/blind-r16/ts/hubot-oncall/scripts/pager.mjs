// Description:
//   Acknowledge pages and keep a per-user ack counter.
//
// Commands:
//   hubot ack <incident-id> - acknowledges the page
//   hubot ack stats - shows acknowledgement counts for this week

import { createRedis } from '../lib/redis.mjs'

const weekKey = () => {
  const now = new Date()
  const onejan = new Date(now.getFullYear(), 0, 1)
  const week = Math.ceil(((now - onejan) / 86400000 + onejan.getDay() + 1) / 7)
  return `acks:${now.getFullYear()}-w${week}`
}

export default async (robot) => {
  robot.respond(/ack (INC-\d+)/i, async (res) => {
    const incident = res.match[1]
    const user = res.message.user.name
    const redis = createRedis()
    await redis.connect()
    await redis.hSet(`incident:${incident}`, { ackedBy: user, ackedAt: Date.now().toString() })
    await redis.zIncrBy(weekKey(), 1, user)
    res.send(`:white_check_mark: ${incident} acknowledged by ${user}`)
  })

  robot.respond(/ack stats/i, async (res) => {
    const stats = robot.brain.get('ackStatsCache')
    if (stats && Date.now() - stats.at < 60_000) return res.send(stats.text)
    res.send('stats are refreshed every minute, try again shortly')
  })
}
