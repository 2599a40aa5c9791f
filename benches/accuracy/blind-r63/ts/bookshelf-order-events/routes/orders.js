'use strict';

const { bookshelf } = require('../lib/bookshelf');
const { Order, OrderLine } = require('../models/order');

async function createOrder(body) {
  return bookshelf.transaction(async (transacting) => {
    const order = await new Order({ customer_id: body.customerId, status: 'pending' }).save(null, { transacting });
    for (const line of body.lines) {
      await new OrderLine({ order_id: order.id, sku: line.sku, qty: line.qty, price_cents: line.priceCents }).save(null, {
        transacting,
      });
    }
    return order;
  });
}

async function setStatus(id, status) {
  const order = await Order.where({ id }).fetch({ require: false });
  if (!order) return null;
  return order.save({ status }, { patch: true });
}

async function getOrder(id) {
  const order = await Order.where({ id }).fetch({ withRelated: ['lines'], require: false });
  return order ? order.toJSON() : null;
}

module.exports = { createOrder, setStatus, getOrder };
