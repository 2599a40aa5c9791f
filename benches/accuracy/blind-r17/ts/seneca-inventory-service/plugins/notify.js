const { publisher } = require('../lib/redis');

module.exports = function notify() {
  const seneca = this;

  seneca.add('role:notify,cmd:reserved', function (msg, reply) {
    publisher
      .publish('inventory.reserved', JSON.stringify({ sku: msg.sku, orderId: msg.orderId, at: Date.now() }))
      .then(() => reply(null, { sent: true }))
      .catch(reply);
  });

  seneca.add('role:seneca,cmd:close', function (msg, reply) {
    const prior = this.prior.bind(this);
    publisher.quit().finally(() => prior(msg, reply));
  });

  return 'notify';
};
