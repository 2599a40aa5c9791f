'use strict';

const winston = require.main.require('winston');
const db = require.main.require('./src/database');
const routeHelpers = require.main.require('./src/routes/helpers');

const reputation = require('./lib/reputation');
const notify = require('./lib/notify');

const plugin = {};

// static:app.load — runs once when NodeBB boots.
plugin.init = async ({ router, middleware }) => {
  reputation.init(process.env.TRUST_PG_URL);

  routeHelpers.setupAdminPageRoute(router, '/admin/plugins/modsync', async (req, res) => {
    const flagged = await db.getSortedSetRevRange('modsync:flagged', 0, 49);
    res.render('admin/plugins/modsync', { flagged });
  });
  winston.info('[modsync] initialised');
};

// action:post.save — fires for every new post.
plugin.onPostSave = async ({ post }) => {
  if (!post || !post.content) {
    return;
  }
  try {
    const verdict = await notify.submitForReview(post);
    if (verdict.flagged) {
      await db.sortedSetAdd('modsync:flagged', Date.now(), post.pid);
    }
  } catch (err) {
    winston.warn(`[modsync] review submission failed for pid ${post.pid}: ${err.message}`);
  }
};

// filter:topic.build — runs on every topic page render.
plugin.onTopicBuild = async (hookData) => {
  const posts = (hookData.templateData && hookData.templateData.posts) || [];
  const uids = [...new Set(posts.map((p) => p.uid))];
  const scores = await reputation.scoresFor(uids);
  posts.forEach((p) => {
    p.trustScore = scores[p.uid] ?? null;
  });
  return hookData;
};

module.exports = plugin;
