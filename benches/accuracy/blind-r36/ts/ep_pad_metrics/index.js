'use strict';

const { pool } = require('./db');

exports.shutdown = async (hookName, context) => {
  await pool.end();
};
