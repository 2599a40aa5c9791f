'use strict';

// Zigbee2MQTT external extension (data/external_extensions/energy-recorder.js).
// Zigbee2MQTT constructs the extension once, calls start() when it is enabled
// and stop() when it is disabled or Zigbee2MQTT shuts down.

const mysql = require('mysql2/promise');

const FLUSH_EVERY_MS = 30 * 1000;
const METERED = ['power', 'energy', 'voltage', 'current'];

class EnergyRecorder {
    constructor(zigbee, mqtt, state, publishEntityState, eventBus, enableDisableExtension, restartCallback, addExtension, settings, logger) {
        this.zigbee = zigbee;
        this.mqtt = mqtt;
        this.eventBus = eventBus;
        this.settings = settings;
        this.logger = logger;
        this.pool = null;
        this.buffer = [];
        this.timer = null;
    }

    async start() {
        const cfg = this.settings.get().energy_recorder || {};
        this.pool = mysql.createPool({
            uri: cfg.database_url || process.env.ENERGY_DB_URL,
            connectionLimit: 3,
            waitForConnections: true,
        });
        this.eventBus.onStateChange(this, (data) => this.onStateChange(data));
        this.timer = setInterval(() => {
            this.flush().catch((err) => this.logger.error(`energy-recorder flush failed: ${err.message}`));
        }, FLUSH_EVERY_MS);
        this.logger.info('energy-recorder started');
    }

    onStateChange(data) {
        const { entity, to } = data;
        if (!entity || !entity.isDevice || !entity.isDevice()) return;
        const reading = {};
        let any = false;
        for (const key of METERED) {
            if (typeof to[key] === 'number') {
                reading[key] = to[key];
                any = true;
            }
        }
        if (!any) return;
        this.buffer.push([entity.ieeeAddr, entity.name, reading.power ?? null, reading.energy ?? null,
            reading.voltage ?? null, reading.current ?? null, new Date()]);
    }

    async flush() {
        if (this.buffer.length === 0 || !this.pool) return;
        const rows = this.buffer.splice(0, this.buffer.length);
        const conn = await this.pool.getConnection();
        try {
            await conn.beginTransaction();
            await conn.query(
                'INSERT INTO plug_readings (ieee_addr, friendly_name, power_w, energy_kwh, voltage_v, current_a, read_at) VALUES ?',
                [rows],
            );
            await conn.query(
                'INSERT INTO plug_last_seen (ieee_addr, seen_at) VALUES ? ON DUPLICATE KEY UPDATE seen_at = VALUES(seen_at)',
                [rows.map((r) => [r[0], r[6]])],
            );
            await conn.commit();
        } catch (err) {
            await conn.rollback();
            this.buffer.unshift(...rows);
            throw err;
        } finally {
            conn.release();
        }
    }

    async stop() {
        this.eventBus.removeListeners(this);
        clearInterval(this.timer);
        this.timer = null;
        try {
            await this.flush();
        } finally {
            if (this.pool) await this.pool.end();
            this.pool = null;
        }
    }
}

module.exports = EnergyRecorder;
