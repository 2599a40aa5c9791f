'use strict';

const { closeAll } = require('./lib/clients');

module.exports = {
  version: '1.2.0',
  policies: ['api-key-lookup', 'tenant-quota'],

  init: function (pluginContext) {
    pluginContext.registerPolicy(require('./policies/api-key-lookup'));
    pluginContext.registerPolicy(require('./policies/tenant-quota'));

    pluginContext.registerCondition({
      name: 'tenant-plan',
      schema: {
        $id: 'http://express-gateway.io/schemas/conditions/tenant-plan.json',
        type: 'object',
        properties: { plans: { type: 'array', items: { type: 'string' } } },
        required: ['plans'],
      },
      handler: (req, conditionConfig) =>
        Boolean(req.egContext.tenant) && conditionConfig.plans.includes(req.egContext.tenant.plan),
    });

    pluginContext.eventBus.on('http-ready', ({ httpServer }) => {
      httpServer.on('close', () => {
        closeAll().catch((err) => console.error('[tenant-quota] close failed', err));
      });
    });

    process.once('SIGTERM', () => {
      closeAll().finally(() => process.exit(0));
    });
  },

  schema: {
    $id: 'http://express-gateway.io/schemas/plugins/tenant-quota.json',
    type: 'object',
    properties: {},
  },
};
