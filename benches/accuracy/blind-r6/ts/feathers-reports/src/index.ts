import { app } from './app';

const port = app.get('port');
const host = app.get('host');

process.on('unhandledRejection', (reason) => console.error('Unhandled Rejection', reason));

app.listen(port).then(() => {
  console.info(`reports API listening on http://${host}:${port}`);
});
