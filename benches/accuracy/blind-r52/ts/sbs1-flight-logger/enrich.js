'use strict';

const ONE_DAY = 24 * 60 * 60 * 1000;

// `http` is the undici Pool built once in main(); `registry` the shared
// aircraft collection. Called the first time a hex code is seen.
function makeEnricher(http, registry) {
  const inflight = new Map();

  async function lookup(hex) {
    const known = await registry.findOne({ _id: hex }, { projection: { fetchedAt: 1 } });
    if (known && Date.now() - known.fetchedAt.getTime() < 30 * ONE_DAY) return;

    const { statusCode, body } = await http.request({
      path: `/v0/aircraft/${encodeURIComponent(hex)}`,
      method: 'GET',
      headers: { accept: 'application/json' },
    });

    if (statusCode !== 200) {
      await body.dump();
      await registry.updateOne(
        { _id: hex },
        { $set: { fetchedAt: new Date(), unknown: true } },
        { upsert: true },
      );
      return;
    }

    const json = await body.json();
    const a = json.response && json.response.aircraft;
    await registry.updateOne(
      { _id: hex },
      {
        $set: {
          fetchedAt: new Date(),
          type: a ? a.type : null,
          registration: a ? a.registration : null,
          operator: a ? a.registered_owner : null,
          unknown: !a,
        },
      },
      { upsert: true },
    );
  }

  return function enrich(hex) {
    if (!inflight.has(hex)) {
      inflight.set(hex, lookup(hex).finally(() => inflight.delete(hex)));
    }
    return inflight.get(hex);
  };
}

module.exports = { makeEnricher };
