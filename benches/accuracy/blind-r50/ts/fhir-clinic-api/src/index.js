const path = require('node:path');
const { initialize, loggers, constants } = require('@asymmetrik/node-fhir-server-core');

const { VERSIONS } = constants;

const config = {
  server: {
    port: Number(process.env.PORT || 3000),
    corsOptions: { maxAge: 86400 },
  },
  logging: { level: process.env.LOG_LEVEL || 'info' },
  security: [
    { url: 'authorize', valueUri: `${process.env.AUTH_BASE}/authorize` },
    { url: 'token', valueUri: `${process.env.AUTH_BASE}/token` },
  ],
  profiles: {
    patient: {
      service: path.join(__dirname, 'services', 'patient.service.js'),
      versions: [VERSIONS['4_0_0']],
    },
    observation: {
      service: path.join(__dirname, 'services', 'observation.service.js'),
      versions: [VERSIONS['4_0_0']],
    },
  },
};

const server = initialize(config);
const logger = loggers.get('default');

server.listen(config.server.port, () => {
  logger.info(`FHIR facade listening on :${config.server.port}`);
});
