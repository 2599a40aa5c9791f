'use strict';

const { bookshelf } = require('../lib/bookshelf');
const { publishOrderEvent } = require('../lib/events');

const Order = bookshelf.model('Order', {
  tableName: 'orders',
  hasTimestamps: true,

  // Bookshelf calls initialize for every model instance; the listeners are
  // bound to this instance only and go away with it.
  initialize() {
    this.on('saved', this.announce);
    this.on('destroyed', (model) => publishOrderEvent('order.deleted', model.toJSON()));
  },

  async announce(model, _attrs, options) {
    const previous = model.previous('status');
    const status = model.get('status');
    if (previous === status) return;
    const emit = () => publishOrderEvent(`order.${status}`, model.toJSON());
    if (options && options.transacting) {
      // wait for the surrounding transaction to commit
      options.transacting.executionPromise.then(emit, () => {});
    } else {
      await emit();
    }
  },

  lines() {
    return this.hasMany('OrderLine', 'order_id');
  },
});

const OrderLine = bookshelf.model('OrderLine', {
  tableName: 'order_lines',
});

module.exports = { Order, OrderLine };
