import FtpSrv from 'ftp-srv';
import { connectClients } from './clients';
import { makeHandlers } from './handlers';

async function main() {
  const clients = await connectClients();
  const { onLogin } = makeHandlers(clients);

  const ftpServer = new FtpSrv({
    url: `ftp://0.0.0.0:${process.env.FTP_PORT ?? 2121}`,
    pasv_url: process.env.PASV_URL ?? '203.0.113.40',
    pasv_min: 30000,
    pasv_max: 30100,
    anonymous: false,
    greeting: ['Acme supplier drop box', 'Upload price lists as CSV or XLSX'],
  });

  ftpServer.on('login', (data, resolve, reject) => {
    onLogin(data, resolve, reject).catch(reject);
  });
  ftpServer.on('client-error', ({ context, error }) => {
    console.warn('ftp client error', context, error?.message);
  });

  await ftpServer.listen();
  console.log('ftp drop box listening');

  const shutdown = async () => {
    await ftpServer.close();
    await clients.mongo.close();
    clients.s3.destroy();
    process.exit(0);
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
