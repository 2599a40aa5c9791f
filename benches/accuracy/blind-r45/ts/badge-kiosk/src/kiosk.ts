import { NFC, type Card, type Reader } from 'nfc-pcsc'
import { lookupMember } from './members'
import { recordCheckin } from './checkins'
import { alertFrontDesk } from './alerts'
import { pool } from './db'

const DOOR = process.env.DOOR_NAME ?? 'main-entrance'

async function handleTap(reader: Reader, card: Card): Promise<void> {
  if (!card.uid) {
    console.warn('[%s] card without uid (type %s)', reader.name, card.type)
    return
  }
  const member = await lookupMember(card.uid)
  if (!member) {
    await alertFrontDesk(DOOR, card.uid, 'unknown badge')
    return
  }
  if (member.suspended || member.validUntil < new Date()) {
    await alertFrontDesk(DOOR, card.uid, `membership inactive for ${member.name}`)
    return
  }
  const result = await recordCheckin(member._id, DOOR)
  console.log('[%s] %s %s (%s)', reader.name, member.name, result, member.plan)
  // TODO: pulse the door relay over GPIO
}

const nfc = new NFC()

nfc.on('reader', (reader) => {
  console.log('reader attached:', reader.name)
  reader.autoProcessing = true

  reader.on('card', (card) => {
    handleTap(reader, card).catch((err) => console.error('[%s] tap failed', reader.name, err))
  })
  reader.on('card.off', (card) => console.debug('[%s] card removed %s', reader.name, card.uid))
  reader.on('error', (err) => console.error('[%s] reader error', reader.name, err))
  reader.on('end', () => console.log('reader detached:', reader.name))
})

nfc.on('error', (err) => console.error('pcsc error', err))

process.once('SIGTERM', async () => {
  nfc.close()
  await pool.end()
  process.exit(0)
})
