const { Pool } = require('pg');

const pool = new Pool({
	connectionString: CONF.database,
	max: 10,
	idleTimeoutMillis: 30000
});

pool.on('error', err => console.error('pg pool error', err));

MAIN.db = pool;

MAIN.query = async function(sql, params) {
	const res = await pool.query(sql, params);
	return res.rows;
};
