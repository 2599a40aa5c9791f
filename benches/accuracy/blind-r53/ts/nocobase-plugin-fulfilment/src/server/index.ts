import { Plugin } from '@nocobase/server';
import type { Context, Next } from '@nocobase/actions';
import { bookLabel, closeCarriers, isKnownCarrier } from './carriers';

export class PluginFulfilmentServer extends Plugin {
  async beforeLoad() {
    this.db.collection({
      name: 'shipments',
      fields: [
        { type: 'belongsTo', name: 'order', target: 'orders' },
        { type: 'string', name: 'carrier' },
        { type: 'string', name: 'status', defaultValue: 'pending' },
        { type: 'string', name: 'trackingNo' },
        { type: 'string', name: 'labelUrl' },
      ],
    });
  }

  async load() {
    // Fires for every order row created, inside the creating transaction.
    this.db.on('orders.afterCreate', async (model, options) => {
      if (model.get('paymentStatus') !== 'paid') return;
      await this.db.getRepository('shipments').create({
        values: { orderId: model.get('id'), carrier: model.get('preferredCarrier') ?? 'dhl', status: 'pending' },
        transaction: options.transaction,
      });
    });

    this.app.resourceManager.define({
      name: 'fulfilment',
      actions: {
        ship: async (ctx: Context, next: Next) => {
          const { filterByTk } = ctx.action.params;
          const repo = ctx.db.getRepository('shipments');
          const shipment = await repo.findOne({ filterByTk, appends: ['order'] });
          if (!shipment) ctx.throw(404, `shipment ${filterByTk} not found`);
          const carrier = shipment.get('carrier') as string;
          if (!isKnownCarrier(carrier)) ctx.throw(400, `carrier ${carrier} is not configured`);

          const order = shipment.get('order') as any;
          const label = await bookLabel(carrier, {
            reference: order.get('number'),
            recipient: order.get('shippingAddress'),
            parcels: order.get('parcels') ?? [{ weightKg: 1 }],
          });
          await repo.update({
            filterByTk,
            values: { status: 'labelled', trackingNo: label.trackingNo, labelUrl: label.labelUrl },
          });
          ctx.body = { id: filterByTk, ...label };
          await next();
        },
      },
    });

    this.app.acl.allow('fulfilment', 'ship', 'loggedIn');

    this.app.on('beforeStop', async () => {
      await closeCarriers();
    });
  }

  async install() {
    this.app.logger.info('[fulfilment] installed');
  }

  async afterDisable() {
    await closeCarriers();
  }
}

export default PluginFulfilmentServer;
