const { event, container, recorder } = require('codeceptjs');

// Stores each failed scenario through the DbHelper's pool (no connection of its own).
module.exports = function failureLog() {
  event.dispatcher.on(event.test.failed, (test, err) => {
    const db = container.helpers('DbHelper');
    recorder.add('record failure in e2e db', () =>
      db.recordFailure(test.title, err ? String(err.message || err) : 'unknown').catch((e) => {
        console.error('failureLog: could not store failure', e);
      }),
    );
  });
};
