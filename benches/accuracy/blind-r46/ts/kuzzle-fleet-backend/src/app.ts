import { Backend } from 'kuzzle';

import { registerReportsController } from './controllers/reports';
import { registerTelemetryPipes } from './pipes/telemetry';
import { registerMaintenanceHooks } from './hooks/maintenance';

const app = new Backend('fleet-backend');

registerReportsController(app);
registerTelemetryPipes(app);
registerMaintenanceHooks(app);

app
  .start()
  .then(() => {
    app.log.info('fleet-backend started');
  })
  .catch((error) => {
    // eslint-disable-next-line no-console
    console.error(error);
    process.exit(1);
  });
