'use strict'

const NATS = require('nats')
const Hemera = require('nats-hemera')

function createHemera(name) {
  const nats = NATS.connect({
    url: process.env.NATS_URL || 'nats://localhost:4222',
    name,
    maxReconnectAttempts: -1,
  })
  return new Hemera(nats, { logLevel: process.env.LOG_LEVEL || 'info', timeout: 5000 })
}

module.exports = { createHemera }
