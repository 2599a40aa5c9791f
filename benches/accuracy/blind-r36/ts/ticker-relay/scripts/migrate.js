'use strict';

const { createPool } = require('../lib/db');

const DDL = `
CREATE TABLE IF NOT EXISTS ticks (
  symbol text NOT NULL,
  bid numeric(18, 6) NOT NULL,
  ask numeric(18, 6) NOT NULL,
  ts timestamptz NOT NULL,
  PRIMARY KEY (symbol, ts)
);
CREATE INDEX IF NOT EXISTS ticks_symbol_ts_desc ON ticks (symbol, ts DESC);
`;

async function main() {
  const pool = createPool('release');
  try {
    await pool.query(DDL);
    console.log('migrations applied');
  } finally {
    await pool.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
