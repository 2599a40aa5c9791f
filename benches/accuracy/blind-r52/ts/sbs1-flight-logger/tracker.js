'use strict';

const sbs1 = require('sbs1');

// Returns the per-message callback plus a flush() the timer calls. The
// collection is the shared one from main; nothing here opens connections.
function makeTracker(positions, enrich) {
  const aircraft = new Map();
  let buffer = [];

  function stateFor(hex) {
    let state = aircraft.get(hex);
    if (!state) {
      state = { hex, callsign: null, lastSeen: 0 };
      aircraft.set(hex, state);
      enrich(hex).catch((err) => console.warn(`enrich ${hex} failed: ${err.message}`));
    }
    state.lastSeen = Date.now();
    return state;
  }

  function onTransmission(msg) {
    const state = stateFor(msg.hex_ident);

    switch (msg.transmission_type) {
      case sbs1.TransmissionType.ES_IDENT_AND_CATEGORY:
        if (msg.callsign) state.callsign = msg.callsign.trim();
        break;
      case sbs1.TransmissionType.ES_AIRBORNE_POS:
        if (msg.lat == null || msg.lon == null) return;
        buffer.push({
          hex: msg.hex_ident,
          callsign: state.callsign,
          at: new Date(),
          altitude: msg.altitude,
          location: { type: 'Point', coordinates: [msg.lon, msg.lat] },
          onGround: !!msg.is_on_ground,
        });
        break;
      case sbs1.TransmissionType.ES_AIRBORNE_VEL:
        state.groundSpeed = msg.ground_speed;
        state.track = msg.track;
        break;
      default:
        break;
    }
  }

  async function flush() {
    const cutoff = Date.now() - 5 * 60 * 1000;
    for (const [hex, state] of aircraft) {
      if (state.lastSeen < cutoff) aircraft.delete(hex);
    }

    if (buffer.length === 0) return 0;
    const batch = buffer;
    buffer = [];
    await positions.insertMany(batch, { ordered: false });
    return batch.length;
  }

  return { onTransmission, flush };
}

module.exports = { makeTracker };
