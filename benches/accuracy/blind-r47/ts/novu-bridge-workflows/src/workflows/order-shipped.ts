import { workflow } from '@novu/framework'
import { z } from 'zod'
import { getOrdersDb } from '../lib/orders.js'
import { alreadySent } from '../lib/throttle.js'

export const orderShipped = workflow(
  'order-shipped',
  async ({ step, payload }) => {
    await step.email(
      'shipping-confirmation',
      async (controls) => {
        const { orders } = await getOrdersDb()
        const order = await orders.findOne({ _id: payload.orderId })
        if (!order) {
          return { subject: controls.subject, body: `Order ${payload.orderId} is on its way.` }
        }
        const lines = order.items.map((i) => `<li>${i.qty} × ${i.title}</li>`).join('')
        return {
          subject: controls.subject,
          body: `<p>Hi ${order.customerName},</p><p>Your parcel left our warehouse with ${order.carrier}
            (tracking ${order.trackingNumber}).</p><ul>${lines}</ul>`,
        }
      },
      {
        controlSchema: z.object({ subject: z.string().default('Your order has shipped') }),
        skip: async () => alreadySent(payload.orderId),
      },
    )
  },
  { payloadSchema: z.object({ orderId: z.string() }) },
)
