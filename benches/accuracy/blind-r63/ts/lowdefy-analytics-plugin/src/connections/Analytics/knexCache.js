import knex from 'knex';

// One knex instance (and so one pg pool) per distinct connection config.
// Lowdefy passes the same parsed connection object for every request made
// through a connection id, so this map only grows with the number of
// connections declared in lowdefy.yaml.
const instances = new Map();

export function getKnex(connection) {
  const key = `${connection.connectionString}|${connection.searchPath ?? 'analytics'}`;
  let instance = instances.get(key);
  if (!instance) {
    instance = knex({
      client: 'pg',
      connection: connection.connectionString,
      searchPath: [connection.searchPath ?? 'analytics', 'public'],
      pool: { min: 0, max: 5 },
    });
    instances.set(key, instance);
  }
  return instance;
}
