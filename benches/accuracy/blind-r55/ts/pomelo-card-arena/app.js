'use strict';

var pomelo = require('pomelo');
var Redis = require('ioredis');
var mysqlDao = require('./app/dao/mysql');

var app = pomelo.createApp();
app.set('name', 'card-arena');

app.loadConfig('mysql', app.getBase() + '/config/mysql.json');

// Every server process (connector and area alike) gets exactly one MySQL pool.
app.configure('production|development', 'connector|area', function () {
  var pool = mysqlDao.createPool(app);
  app.set('dbclient', pool);

  app.beforeStopHook(function (cb) {
    pool.end().then(function () { cb(); }, function () { cb(); });
  });
});

app.configure('production|development', 'connector', function () {
  app.set('connectorConfig', {
    connector: pomelo.connectors.hybridconnector,
    heartbeat: 10,
    useDict: true,
    useProtobuf: true
  });
});

// Area servers keep matchmaking queues in Redis; one connection per area process.
app.configure('production|development', 'area', function () {
  var redis = new Redis(process.env.ARENA_REDIS_URL || 'redis://127.0.0.1:6379/1', {
    keyPrefix: 'arena:'
  });
  app.set('redis', redis);
  app.beforeStopHook(function (cb) {
    redis.quit().then(function () { cb(); }, function () { cb(); });
  });
});

app.event.on('start_server', function (serverId) {
  console.log('[' + app.getServerId() + '] saw server start: ' + serverId);
});

// The master process has no pool; connector/area processes wait for MySQL first.
var startupPool = app.get('dbclient');
var ready = startupPool ? mysqlDao.waitUntilReady(startupPool, 10) : Promise.resolve();

ready
  .then(function () {
    app.start();
  })
  .catch(function (err) {
    console.error('giving up, mysql unreachable', err);
    process.exit(1);
  });

process.on('uncaughtException', function (err) {
  console.error(' Caught exception: ' + err.stack);
});
