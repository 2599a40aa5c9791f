process.chdir(__dirname);

const sails = require('sails');
const rc = require('sails/accessible/rc');

sails.lift(rc('sails'));
