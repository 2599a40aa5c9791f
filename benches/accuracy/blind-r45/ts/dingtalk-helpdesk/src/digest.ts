import { createHmac } from 'node:crypto'
import type { RowDataPacket } from 'mysql2/promise'
import { createPool } from './db'

const CHECK_EVERY_MS = 5 * 60 * 1000
const DIGEST_HOUR = Number(process.env.DIGEST_HOUR ?? 9)

function signedWebhookUrl(): string {
  const ts = Date.now()
  const sign = createHmac('sha256', process.env.DINGTALK_ROBOT_SECRET ?? '')
    .update(`${ts}\n${process.env.DINGTALK_ROBOT_SECRET ?? ''}`)
    .digest('base64')
  return `${process.env.DINGTALK_ROBOT_WEBHOOK}&timestamp=${ts}&sign=${encodeURIComponent(sign)}`
}

async function main(): Promise<void> {
  const pool = await createPool('digest', 2)
  let lastSentDay = ''

  const tick = async (): Promise<void> => {
    const now = new Date()
    const day = now.toISOString().slice(0, 10)
    if (now.getHours() !== DIGEST_HOUR || lastSentDay === day) return

    const [rows] = await pool.query<RowDataPacket[]>(
      `SELECT status, COUNT(*) AS n FROM tickets
        WHERE status <> 'closed' OR created_at > NOW() - INTERVAL 1 DAY
        GROUP BY status`,
    )
    const lines = rows.map((r) => `- ${r.status}: ${r.n}`).join('\n')
    await fetch(signedWebhookUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ msgtype: 'markdown', markdown: { title: 'Helpdesk digest', text: `### Helpdesk ${day}\n${lines}` } }),
    })
    lastSentDay = day
  }

  const timer = setInterval(() => {
    tick().catch((err) => console.error('digest failed', err))
  }, CHECK_EVERY_MS)

  process.once('SIGTERM', async () => {
    clearInterval(timer)
    await pool.end()
    process.exit(0)
  })
}

void main()
