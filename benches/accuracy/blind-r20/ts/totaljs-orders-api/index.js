// ===================================================
// Total.js v4 start script
// ===================================================

const options = {};
options.port = parseInt(process.argv[2]) || 8000;
// options.ip = '127.0.0.1';
// options.unixsocket = require('path').join(require('os').tmpdir(), 'app_name');

require('total4/release')(options);
