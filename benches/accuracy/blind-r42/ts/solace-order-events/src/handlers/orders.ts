import { markPaid, markCancelled } from '../store/orders.js'
import { recordEvent } from '../store/audit.js'

export async function onOrderPaid(payload: { orderId: string; paidAt: string }, topic: string) {
  await markPaid(payload.orderId, payload.paidAt)
  await recordEvent(topic, payload.orderId, payload)
}

export async function onOrderCancelled(payload: { orderId: string; reason: string }, topic: string) {
  await markCancelled(payload.orderId, payload.reason)
  await recordEvent(topic, payload.orderId, payload)
}
