/* MagicMirror² node helper: runs once in the MagicMirror server process. */
const NodeHelper = require("node_helper");
const Log = require("logger");
const { Pool } = require("pg");
const { Agent, request } = require("undici");

module.exports = NodeHelper.create({
  start() {
    Log.log(`Starting node helper for: ${this.name}`);
    this.pool = null;
    this.timers = new Map();
    this.agent = new Agent({ connections: 4, keepAliveTimeout: 60_000 });
  },

  // The front-end module sends its config once per browser that loads the mirror,
  // so this can be called several times; the pool is created on the first call only.
  ensurePool(databaseUrl) {
    if (!this.pool) {
      this.pool = new Pool({ connectionString: databaseUrl, max: 3, idleTimeoutMillis: 60_000 });
      this.pool.on("error", (err) => Log.error(`${this.name}: idle pg error`, err));
    }
    return this.pool;
  },

  socketNotificationReceived(notification, payload) {
    if (notification === "TRANSIT_CONFIG") {
      this.ensurePool(payload.databaseUrl);
      this.schedule(payload);
    } else if (notification === "TRANSIT_HISTORY") {
      this.sendHistory(payload.stopId).catch((err) => Log.error(`${this.name}: history failed`, err));
    }
  },

  schedule(config) {
    if (this.timers.has(config.stopId)) return;
    const tick = () => this.fetchDepartures(config).catch((err) => Log.error(`${this.name}: fetch failed`, err));
    tick();
    this.timers.set(config.stopId, setInterval(tick, config.updateInterval ?? 60_000));
  },

  async fetchDepartures(config) {
    const { statusCode, body } = await request(`${config.apiBase}/stops/${encodeURIComponent(config.stopId)}/departures`, {
      dispatcher: this.agent,
      headers: { authorization: `Bearer ${config.apiKey}`, accept: "application/json" },
    });
    if (statusCode !== 200) {
      await body.dump();
      throw new Error(`transit API returned ${statusCode}`);
    }
    const { departures } = await body.json();

    const client = await this.pool.connect();
    try {
      for (const d of departures) {
        await client.query(
          `INSERT INTO departures (stop_id, line, destination, scheduled_at, delay_seconds)
           VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (stop_id, line, scheduled_at) DO UPDATE SET delay_seconds = EXCLUDED.delay_seconds`,
          [config.stopId, d.line, d.destination, d.scheduledAt, d.delaySeconds ?? 0],
        );
      }
    } finally {
      client.release();
    }

    this.sendSocketNotification("TRANSIT_DEPARTURES", { stopId: config.stopId, departures: departures.slice(0, config.maxRows ?? 8) });
  },

  async sendHistory(stopId) {
    const { rows } = await this.pool.query(
      `SELECT line, round(avg(delay_seconds)) AS avg_delay
         FROM departures
        WHERE stop_id = $1 AND scheduled_at > now() - interval '7 days'
        GROUP BY line ORDER BY line`,
      [stopId],
    );
    this.sendSocketNotification("TRANSIT_HISTORY", { stopId, rows });
  },

  stop() {
    for (const timer of this.timers.values()) clearInterval(timer);
    this.timers.clear();
    this.agent.close();
    if (this.pool) this.pool.end();
  },
});
