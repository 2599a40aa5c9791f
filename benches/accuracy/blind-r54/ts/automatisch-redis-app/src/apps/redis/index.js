import defineApp from '../../helpers/define-app.js';
import { evictSharedClient, getSharedClient } from './common.js';
import actions from './actions.js';
import triggers from './triggers.js';

const field = (key, label, type, required, description) => ({
  key,
  label,
  type,
  required,
  readOnly: false,
  value: null,
  placeholder: null,
  description,
  clickToCopy: false,
});

const auth = {
  fields: [
    field('screenName', 'Screen Name', 'string', true, 'Name shown for this connection in the UI.'),
    field('host', 'Host', 'string', true, 'Redis host name or IP address.'),
    field('port', 'Port', 'string', false, 'Defaults to 6379.'),
    field('username', 'Username', 'string', false, 'ACL user, leave empty for the default user.'),
    field('password', 'Password', 'string', false, null),
    field('database', 'Database index', 'string', false, 'Defaults to 0.'),
    field('tls', 'Use TLS', 'string', false, 'Type "true" to connect over TLS.'),
  ],

  async verifyCredentials($) {
    try {
      await getSharedClient($).ping();
    } catch (error) {
      evictSharedClient($);
      throw error;
    }
    await $.auth.set({ screenName: $.auth.data.screenName });
  },

  async isStillVerified($) {
    const pong = await getSharedClient($).ping();
    return pong === 'PONG';
  },
};

export default defineApp({
  name: 'Redis',
  key: 'redis',
  iconUrl: '{BASE_URL}/apps/redis/assets/favicon.svg',
  authDocUrl: '{DOCS_URL}/apps/redis/connection',
  supportsConnections: true,
  baseUrl: 'https://redis.io',
  apiBaseUrl: '',
  primaryColor: 'DC382D',
  auth,
  actions,
  triggers,
});
