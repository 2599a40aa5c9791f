import { DefaultAzureCredential } from '@azure/identity';
import { ServiceBusClient, type ProcessErrorArgs } from '@azure/service-bus';
import { pool } from './db/pool.js';
import { closeAlerts } from './alerts/store.js';
import { TelemetryProcessor } from './processor.js';

async function loadThresholds(): Promise<Map<string, number>> {
  const { rows } = await pool.query<{ metric: string; max_value: number }>(
    'SELECT metric, max_value FROM alert_thresholds',
  );
  return new Map(rows.map((r) => [r.metric, r.max_value]));
}

async function main() {
  const sb = new ServiceBusClient(process.env.SERVICEBUS_NAMESPACE!, new DefaultAzureCredential());
  const receiver = sb.createReceiver('telemetry', 'ingest');
  const processor = new TelemetryProcessor(await loadThresholds());

  const subscription = receiver.subscribe(
    {
      processMessage: (message) => processor.handle(message),
      processError: async (args: ProcessErrorArgs) => {
        console.error(`service bus error (${args.errorSource}) on ${args.entityPath}`, args.error);
      },
    },
    { autoCompleteMessages: true, maxConcurrentCalls: 8 },
  );

  const stop = async () => {
    await subscription.close();
    await receiver.close();
    await sb.close();
    await pool.end();
    await closeAlerts();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
