const { Pool } = require('pg');

exports.name = 'audit';
exports.version = '1.1';

const pool = new Pool({
	connectionString: CONF.database,
	max: 5
});

exports.install = function() {
	console.log('audit module installed');
};

exports.log = async function(actor, action, target, details) {
	await pool.query(
		'INSERT INTO audit_log (actor, action, target, details, created_at) VALUES ($1, $2, $3, $4, now())',
		[actor, action, target, JSON.stringify(details || {})]
	);
};
