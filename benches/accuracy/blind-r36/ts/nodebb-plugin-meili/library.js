'use strict';

const meta = require.main.require('./src/meta');
const winston = require.main.require('winston');
const routeHelpers = require.main.require('./src/routes/helpers');
const { createSearchClient } = require('./lib/search-client');
const analytics = require('./lib/analytics');

const plugin = {};
let postsIndex = null;

plugin.init = async (params) => {
  const { router } = params;
  routeHelpers.setupAdminPageRoute(router, '/admin/plugins/meili', (req, res) => {
    res.render('admin/plugins/meili', {});
  });

  const settings = await meta.settings.get('meili');
  const client = createSearchClient(settings);
  postsIndex = client.index('posts');
  await postsIndex.updateFilterableAttributes(['cid', 'tid', 'uid']);
  winston.info('[plugin/meili] search client ready');
};

plugin.addAdminNavigation = (header) => {
  header.plugins.push({ route: '/plugins/meili', icon: 'fa-search', name: 'Meilisearch' });
  return header;
};

function toDocument(post) {
  return { id: post.pid, tid: post.tid, uid: post.uid, cid: post.cid, content: post.content, timestamp: post.timestamp };
}

plugin.onPostSave = async ({ post }) => {
  if (!postsIndex) return;
  await postsIndex.addDocuments([toDocument(post)]);
  await analytics.recordPost(post, 'created');
};

plugin.onPostEdit = async ({ post }) => {
  if (!postsIndex) return;
  await postsIndex.updateDocuments([toDocument(post)]);
  await analytics.recordPost(post, 'edited');
};

plugin.onPostPurge = async ({ post }) => {
  if (!postsIndex) return;
  await postsIndex.deleteDocument(post.pid);
};

plugin.searchQuery = async (data) => {
  if (!postsIndex || data.index !== 'post') return data;
  const result = await postsIndex.search(data.content, {
    limit: 50,
    filter: data.cid && data.cid.length ? `cid IN [${data.cid.join(',')}]` : undefined,
  });
  data.ids = result.hits.map((hit) => hit.id);
  return data;
};

module.exports = plugin;
