const loadCookies = require('./loadCookies');
const seedFixture = require('../fixtures/seed');
const applyFlags = require('../fixtures/flags');

// BackstopJS runs this before every scenario, once per viewport,
// up to asyncCaptureLimit of them at the same time.
module.exports = async (page, scenario, viewport) => {
  await loadCookies(page, scenario);
  if (scenario.fixture) {
    await seedFixture(scenario.fixture);
  }
  if (scenario.flags) {
    await applyFlags(scenario.flags);
  }
  console.log(`prepared "${scenario.label}" @ ${viewport.label}`);
};
