import snmp from 'net-snmp';
import { MongoClient } from 'mongodb';
import { closeAllSinks } from './sinks';
import { makeTrapHandler, type Device } from './trap';

async function main(): Promise<void> {
  const mongo = new MongoClient(process.env.MONGO_URL ?? 'mongodb://localhost:27017', {
    appName: 'snmp-trap-collector',
    maxPoolSize: 10,
  });
  await mongo.connect();
  const devices = mongo.db('inventory').collection<Device>('devices');

  const handler = makeTrapHandler(devices);
  const receiver = snmp.createReceiver(
    {
      port: Number(process.env.TRAP_PORT ?? 162),
      transport: 'udp4',
      disableAuthorization: true,
      includeAuthentication: false,
    },
    (error: Error | null, notification: any) => {
      handler(error, notification).catch((err) => console.error('trap handling failed', err));
    },
  );

  console.log('listening for SNMP traps');

  const shutdown = async () => {
    receiver.close();
    await closeAllSinks();
    await mongo.close();
    process.exit(0);
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
