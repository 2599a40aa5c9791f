'use strict';

// Release-phase one-off: run pending migrations, then exit.
const { createKnex } = require('../lib/db');

async function main() {
  const db = createKnex();
  try {
    const [batch, log] = await db.migrate.latest();
    console.log(log.length ? `batch ${batch}: ${log.join(', ')}` : 'already up to date');
  } finally {
    await db.destroy();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
