import { DWClient, TOPIC_ROBOT, type DWClientDownStream, type RobotMessage } from 'dingtalk-stream'
import type { Pool, ResultSetHeader, RowDataPacket } from 'mysql2/promise'
import { createPool } from './db'

async function reply(client: DWClient, webhook: string, content: string): Promise<void> {
  const accessToken = await client.getAccessToken()
  await fetch(webhook, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-acs-dingtalk-access-token': accessToken },
    body: JSON.stringify({ msgtype: 'text', text: { content } }),
  })
}

async function openTicket(pool: Pool, msg: RobotMessage, title: string): Promise<number> {
  const conn = await pool.getConnection()
  try {
    await conn.beginTransaction()
    const [res] = await conn.query<ResultSetHeader>(
      'INSERT INTO tickets (title, reporter_id, reporter_name) VALUES (?, ?, ?)',
      [title.slice(0, 200), msg.senderStaffId, msg.senderNick],
    )
    await conn.query('INSERT INTO ticket_events (ticket_id, kind, actor_id) VALUES (?, ?, ?)', [
      res.insertId, 'opened', msg.senderStaffId,
    ])
    await conn.commit()
    return res.insertId
  } catch (err) {
    await conn.rollback()
    throw err
  } finally {
    conn.release()
  }
}

async function main(): Promise<void> {
  const pool = await createPool('bot')
  const client = new DWClient({
    clientId: process.env.DINGTALK_CLIENT_ID ?? '',
    clientSecret: process.env.DINGTALK_CLIENT_SECRET ?? '',
  })

  client.registerCallbackListener(TOPIC_ROBOT, async (res: DWClientDownStream) => {
    const msg = JSON.parse(res.data) as RobotMessage
    const text = msg.text?.content.trim() ?? ''
    try {
      if (/^(ticket|工单)\s+/i.test(text)) {
        const id = await openTicket(pool, msg, text.replace(/^(ticket|工单)\s+/i, ''))
        await reply(client, msg.sessionWebhook, `Ticket #${id} opened, IT will get back to you.`)
      } else if (/^status\s+#?(\d+)/i.test(text)) {
        const id = Number(/(\d+)/.exec(text)![1])
        const [rows] = await pool.query<RowDataPacket[]>('SELECT status, title FROM tickets WHERE id = ?', [id])
        await reply(client, msg.sessionWebhook, rows[0] ? `#${id} "${rows[0].title}": ${rows[0].status}` : `No ticket #${id}`)
      } else {
        await reply(client, msg.sessionWebhook, 'Usage: "ticket <problem>" or "status <id>"')
      }
    } catch (err) {
      console.error('message handling failed', err)
    }
    client.socketCallBackResponse(res.headers.messageId, { ok: true })
  })

  await client.connect()
  console.log('helpdesk bot connected')

  process.once('SIGTERM', async () => {
    client.disconnect()
    await pool.end()
    process.exit(0)
  })
}

void main()
