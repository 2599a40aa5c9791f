'use strict';
const postgres = require('postgres');

// one postgres.js instance for the whole process; it manages its own pool
const sql = postgres(process.env.DATABASE_URL || 'postgres://knx@localhost:5432/building', {
  max: 4,
  idle_timeout: 60,
});

async function recordChange(dp, oldValue, newValue) {
  await sql.begin(async (tx) => {
    await tx`
      insert into knx_history (ga, name, building, old_value, new_value, changed_at)
      values (${dp.ga}, ${dp.name}, ${dp.building}, ${toJson(oldValue)}, ${toJson(newValue)}, now())
    `;
    await tx`
      insert into knx_state (ga, value, updated_at)
      values (${dp.ga}, ${toJson(newValue)}, now())
      on conflict (ga) do update set value = excluded.value, updated_at = excluded.updated_at
    `;
  });
}

function toJson(value) {
  return JSON.stringify(value === undefined ? null : value);
}

module.exports = { sql, recordChange };
