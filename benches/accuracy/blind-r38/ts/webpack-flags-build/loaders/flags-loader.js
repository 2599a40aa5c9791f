const { Pool } = require('pg');

/**
 * Resolves a `*.flags.json` declaration file against the feature-flag table,
 * so each bundle ships the flag values for the environment it is built for.
 * Input:  { "newCheckout": false, "giftCards": true }   (defaults)
 * Output: export default { newCheckout: true, giftCards: true }
 */
module.exports = function flagsLoader(source) {
  const callback = this.async();
  const { environment } = this.getOptions();
  const defaults = JSON.parse(source);
  const keys = Object.keys(defaults);

  const pool = new Pool({ connectionString: process.env.FLAGS_DATABASE_URL, max: 1 });
  pool
    .query(
      'SELECT key, enabled FROM feature_flags WHERE environment = $1 AND key = ANY($2::text[])',
      [environment, keys],
    )
    .then(({ rows }) => {
      const resolved = { ...defaults };
      for (const row of rows) resolved[row.key] = row.enabled;
      this.cacheable(false);
      callback(null, `export default ${JSON.stringify(resolved)};`);
    })
    .catch((err) => callback(err));
};
