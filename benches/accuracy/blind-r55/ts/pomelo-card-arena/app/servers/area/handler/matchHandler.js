'use strict';

module.exports = function (app) {
  return new MatchHandler(app);
};

var QUEUE_KEY = 'queue:ranked';
var MATCH_WINDOW = 150;

/** Created once per area process; methods run per client request. */
var MatchHandler = function (app) {
  this.app = app;
};

MatchHandler.prototype.joinQueue = async function (msg, session, next) {
  var redis = this.app.get('redis');
  var db = this.app.get('dbclient');
  var uid = session.uid;
  var rating = Number(session.get('rating')) || 1000;

  try {
    var opponents = await redis.zrangebyscore(QUEUE_KEY, rating - MATCH_WINDOW, rating + MATCH_WINDOW, 'LIMIT', 0, 1);
    var opponent = opponents.find(function (o) { return o !== uid; });

    if (!opponent) {
      await redis.zadd(QUEUE_KEY, rating, uid);
      next(null, { code: 200, queued: true });
      return;
    }

    await redis.zrem(QUEUE_KEY, opponent);
    var conn = await db.getConnection();
    var matchId;
    try {
      await conn.beginTransaction();
      var res = await conn.execute(
        'INSERT INTO matches (player_a, player_b, area_server, started_at) VALUES (?, ?, ?, NOW())',
        [opponent, uid, this.app.getServerId()]
      );
      matchId = res[0].insertId;
      await conn.execute('UPDATE players SET matches_played = matches_played + 1 WHERE id IN (?, ?)', [opponent, uid]);
      await conn.commit();
    } catch (err) {
      await conn.rollback();
      throw err;
    } finally {
      conn.release();
    }

    var channel = this.app.get('channelService').createChannel('match-' + matchId);
    channel.add(uid, session.frontendId);
    next(null, { code: 200, matchId: matchId, opponent: opponent });
  } catch (err) {
    next(err, { code: 500 });
  }
};

MatchHandler.prototype.leaveQueue = async function (msg, session, next) {
  try {
    await this.app.get('redis').zrem(QUEUE_KEY, session.uid);
    next(null, { code: 200 });
  } catch (err) {
    next(err, { code: 500 });
  }
};
