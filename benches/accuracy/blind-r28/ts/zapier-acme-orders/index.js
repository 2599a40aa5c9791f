const { version: platformVersion } = require('zapier-platform-core');
const { version } = require('./package.json');

const newOrder = require('./triggers/new_order');
const createInvoice = require('./creates/create_invoice');
const { makeRedis } = require('./lib/clients');

const authentication = {
  type: 'custom',
  fields: [
    { key: 'apiKey', label: 'API Key', required: true, type: 'password' },
    { key: 'accountId', label: 'Account ID', required: true, helpText: 'Found under Settings > Account.' },
    { key: 'billingCluster', label: 'Billing cluster', required: false, default: 'default' },
  ],
  test: async (z, bundle) => {
    const response = await z.request({ url: 'https://api.acme-orders.com/v2/me' });
    return response.data;
  },
  connectionLabel: '{{bundle.authData.accountId}}',
};

// Every outbound request is routed to the account's home region. The region map is
// maintained by the platform team in Redis.
const routeToRegion = async (request, z, bundle) => {
  if (!bundle.authData || !bundle.authData.accountId) {
    return request;
  }
  const redis = makeRedis();
  const region = (await redis.hget('acme:account-regions', bundle.authData.accountId)) || 'us';
  request.url = request.url.replace('://api.acme-orders.com', `://${region}.api.acme-orders.com`);
  request.headers = {
    ...request.headers,
    'X-Api-Key': bundle.authData.apiKey,
    'X-Acme-Account': bundle.authData.accountId,
  };
  return request;
};

const handleErrors = (response, z) => {
  if (response.status === 401) {
    throw new z.errors.RefreshAuthError('Your Acme API key is no longer valid.');
  }
  if (response.status === 429) {
    throw new z.errors.ThrottledError('Acme rate limit reached', 60);
  }
  return response;
};

module.exports = {
  version,
  platformVersion,
  authentication,
  beforeRequest: [routeToRegion],
  afterResponse: [handleErrors],
  triggers: {
    [newOrder.key]: newOrder,
  },
  creates: {
    [createInvoice.key]: createInvoice,
  },
};
