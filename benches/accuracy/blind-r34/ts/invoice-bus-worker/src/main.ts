import { ServiceBusClient, type ProcessErrorArgs } from '@azure/service-bus';
import { dispatch } from './dispatch';

const connectionString = process.env.SERVICEBUS_CONNECTION_STRING!;
const queueName = process.env.INVOICE_QUEUE ?? 'invoice-events';

async function main() {
  const sbClient = new ServiceBusClient(connectionString);
  const receiver = sbClient.createReceiver(queueName, { receiveMode: 'peekLock' });

  const subscription = receiver.subscribe(
    {
      processMessage: async (message) => {
        await dispatch(message);
      },
      processError: async (args: ProcessErrorArgs) => {
        console.error(`[${args.errorSource}] ${args.entityPath}:`, args.error);
      },
    },
    { autoCompleteMessages: true, maxConcurrentCalls: 8 },
  );

  const shutdown = async () => {
    await subscription.close();
    await receiver.close();
    await sbClient.close();
    process.exit(0);
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  console.log(`listening on ${queueName}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
