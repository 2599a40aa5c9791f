import { onOrderPaid, onOrderCancelled } from './orders.js'
import { onShipmentDispatched } from './shipment.js'

export type Handler = (payload: any, topic: string) => Promise<void>

// Keyed by the first three levels of the Solace topic, e.g. shop/order/paid/v1/EU
export const handlers: Record<string, Handler> = {
  'shop/order/paid': onOrderPaid,
  'shop/order/cancelled': onOrderCancelled,
  'shop/shipment/dispatched': onShipmentDispatched,
}
