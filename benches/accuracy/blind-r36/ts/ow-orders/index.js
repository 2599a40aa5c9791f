'use strict';

// Single zip for all order actions; each action picks its entry with `main:` in manifest.yaml.
exports.getOrder = require('./actions/get-order').main;
exports.indexOrder = require('./actions/index-order').main;
exports.bumpCounter = require('./actions/bump-counter').main;
