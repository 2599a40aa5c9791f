'use strict';

const five = require('johnny-five');

const LIMITS = {
  celsius: { low: 8, high: 34 },
  humidity: { low: 35, high: 92 },
  moisture: { low: 0.25, high: 1 },
};

// Wires sensor callbacks onto the already-connected clients. Runs once,
// after the board reports 'ready'; the callbacks fire for every reading.
function attachSensors(board, { sender, alerts, greenhouseId }) {
  const climate = new five.Multi({ controller: 'BME280', address: 0x76 });
  const soil = new five.Sensor({ pin: 'A0', freq: 5000, threshold: 4 });
  const fan = new five.Relay({ pin: 'GPIO17', type: 'NC' });

  const lastAlert = new Map();

  async function alert(kind, value) {
    const now = Date.now();
    if (now - (lastAlert.get(kind) || 0) < 15 * 60 * 1000) return;
    lastAlert.set(kind, now);
    await alerts.insertOne({ greenhouseId, kind, value, at: new Date(now), acknowledged: false });
  }

  climate.on('change', async function () {
    const celsius = this.thermometer.celsius;
    const humidity = this.hygrometer.relativeHumidity;
    try {
      await sender
        .table('climate')
        .symbol('greenhouse', greenhouseId)
        .floatColumn('celsius', celsius)
        .floatColumn('humidity', humidity)
        .floatColumn('pressure_kpa', this.barometer.pressure)
        .at(Date.now(), 'ms');
    } catch (err) {
      console.error('questdb write failed', err.message);
    }

    if (celsius > LIMITS.celsius.high) fan.on();
    else if (celsius < LIMITS.celsius.high - 3) fan.off();

    if (celsius < LIMITS.celsius.low || celsius > LIMITS.celsius.high) await alert('temperature', celsius);
    if (humidity < LIMITS.humidity.low || humidity > LIMITS.humidity.high) await alert('humidity', humidity);
  });

  soil.on('change', async function () {
    const moisture = this.fscaleTo(0, 1);
    await sender
      .table('soil')
      .symbol('greenhouse', greenhouseId)
      .floatColumn('moisture', moisture)
      .at(Date.now(), 'ms');
    if (moisture < LIMITS.moisture.low) await alert('soil_dry', moisture);
  });

  board.repl && board.repl.inject({ fan, climate, soil });
}

module.exports = { attachSensors };
