'use strict';

module.exports = {
  kafkaHost: process.env.KAFKA_HOST || 'localhost:9092',
  groupId: 'ledger-balances',
  clientName: 'ledger-worker',
  workerPerPartition: 1,
  options: {
    sessionTimeout: 8000,
    protocol: ['roundrobin'],
    fromOffset: 'earliest',
    fetchMaxBytes: 1024 * 1024,
    fetchMinBytes: 1,
    fetchMaxWaitMs: 10,
    heartbeatInterval: 250,
    retryMinTimeout: 250,
    autoCommit: true,
    autoCommitIntervalMs: 1000,
    requireAcks: 1,
    ackTimeoutMs: 100,
  },
};
