'use strict'

const { Pool } = require('pg')
const Redis = require('ioredis')
const { recordPosition, startAnchorage, endAnchorage } = require('./lib/store')

module.exports = function (app) {
  const plugin = {}
  let unsubscribes = []
  let pool = null
  let settings = {}

  plugin.id = 'signalk-anchor-log'
  plugin.name = 'Anchor log'
  plugin.description = 'Records the swing circle while anchored and exposes it to the chartplotter'

  plugin.schema = {
    type: 'object',
    required: ['databaseUrl'],
    properties: {
      databaseUrl: { type: 'string', title: 'PostgreSQL URL (PostGIS)' },
      redisUrl: { type: 'string', title: 'Redis URL for the cockpit display', default: 'redis://127.0.0.1:6379' },
      period: { type: 'number', title: 'Position sample period (ms)', default: 5000 }
    }
  }

  plugin.start = function (options, restartPlugin) {
    settings = options
    pool = new Pool({ connectionString: options.databaseUrl, max: 3 })

    const localSubscription = {
      context: 'vessels.self',
      subscribe: [
        { path: 'navigation.position', period: options.period || 5000 },
        { path: 'navigation.anchor.position', policy: 'instant' }
      ]
    }

    app.subscriptionmanager.subscribe(
      localSubscription,
      unsubscribes,
      subscriptionError => app.setPluginError(`Subscription error: ${subscriptionError}`),
      delta => {
        delta.updates.forEach(update => {
          const source = update.$source || 'unknown'
          update.values.forEach(({ path, value }) => {
            if (path === 'navigation.position') {
              recordPosition(pool, value, update.timestamp, source)
                .then(r => {
                  if (r && r.distance > r.radius) {
                    app.handleMessage(plugin.id, {
                      updates: [{ values: [{ path: 'notifications.navigation.anchor', value: { state: 'alarm', method: ['visual', 'sound'], message: `Dragging: ${Math.round(r.distance)} m` } }] }]
                    })
                  }
                })
                .catch(err => app.error(err.message))
            } else if (path === 'navigation.anchor.position') {
              const op = value ? startAnchorage(pool, value, 40) : endAnchorage(pool)
              op.catch(err => app.error(err.message))
            }
          })
        })
      }
    )
    app.setPluginStatus('Logging anchor watch')
  }

  plugin.stop = function () {
    unsubscribes.forEach(f => f())
    unsubscribes = []
    const p = pool
    pool = null
    return p ? p.end() : undefined
  }

  plugin.registerWithRouter = function (router) {
    // GET /plugins/signalk-anchor-log/track  -> swing track for the MFD overlay
    router.get('/track', async (req, res) => {
      const cache = new Redis(settings.redisUrl || 'redis://127.0.0.1:6379')
      const cached = await cache.get('anchor:track:geojson')
      if (cached) {
        res.type('application/json').send(cached)
        return
      }
      const { rows } = await pool.query(
        `SELECT ST_AsGeoJSON(ST_MakeLine(position ORDER BY ts)) AS line
           FROM anchor_track t JOIN anchorages a ON a.id = t.anchorage_id
          WHERE a.ended_at IS NULL`
      )
      const body = rows[0]?.line || 'null'
      await cache.set('anchor:track:geojson', body, 'EX', 10)
      res.type('application/json').send(body)
    })
  }

  return plugin
}
