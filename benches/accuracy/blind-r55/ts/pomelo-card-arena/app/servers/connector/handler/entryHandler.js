'use strict';

var crypto = require('crypto');

module.exports = function (app) {
  return new Handler(app);
};

/**
 * Pomelo instantiates this handler once per connector process; entry() is
 * invoked for every "connector.entryHandler.entry" request from a game client.
 */
var Handler = function (app) {
  this.app = app;
  this.db = app.get('dbclient');
};

Handler.prototype.entry = function (msg, session, next) {
  var self = this;
  var sessionService = self.app.get('sessionService');

  if (!msg || !msg.token) {
    next(null, { code: 400, error: 'missing token' });
    return;
  }

  var tokenHash = crypto.createHash('sha256').update(String(msg.token)).digest('hex');

  self.db
    .query(
      'SELECT p.id, p.nickname, p.rating FROM login_tokens t JOIN players p ON p.id = t.player_id ' +
        'WHERE t.token_hash = ? AND t.expires_at > NOW()',
      [tokenHash]
    )
    .then(function (result) {
      var rows = result[0];
      if (rows.length === 0) {
        next(null, { code: 401, error: 'invalid token' });
        return;
      }
      var player = rows[0];
      var uid = String(player.id);

      if (sessionService.getByUid(uid)) {
        sessionService.kick(uid, 'logged in elsewhere');
      }

      session.bind(uid);
      session.set('nickname', player.nickname);
      session.set('rating', player.rating);
      session.pushAll();
      session.on('closed', onUserLeave.bind(null, self.app));

      return self.db
        .execute('UPDATE players SET last_login_at = NOW() WHERE id = ?', [player.id])
        .then(function () {
          next(null, { code: 200, player: { id: player.id, nickname: player.nickname, rating: player.rating } });
        });
    })
    .catch(function (err) {
      next(err, { code: 500 });
    });
};

function onUserLeave(app, session) {
  if (!session || !session.uid) return;
  app
    .get('dbclient')
    .execute('UPDATE players SET last_seen_at = NOW() WHERE id = ?', [session.uid])
    .catch(function (err) {
      console.warn('could not record logout for ' + session.uid + ': ' + err.message);
    });
}
