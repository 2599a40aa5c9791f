import HyperExpress from 'hyper-express';
import Queue from 'bee-queue';
import { createSequelize } from './db';
import { Image, initModels, QUEUE_NAME, redisOptions } from './models';

const sequelize = createSequelize('web');
initModels(sequelize);

const queue = new Queue<{ imageId: number }>(QUEUE_NAME, {
  redis: redisOptions,
  isWorker: false,
  getEvents: false,
  sendEvents: false,
});

const server = new HyperExpress.Server();

server.post('/images', async (req, res) => {
  const { url } = await req.json();
  if (typeof url !== 'string' || !/^https?:\/\//.test(url)) {
    return res.status(400).json({ error: 'url must be http(s)' });
  }
  const image = await Image.create({ sourceUrl: url, thumbPath: null });
  await queue.createJob({ imageId: image.id }).retries(3).backoff('exponential', 2000).save();
  res.status(202).json({ id: image.id, status: image.status });
});

server.get('/images/:id', async (req, res) => {
  const image = await Image.findByPk(Number(req.path_parameters.id));
  if (!image) return res.status(404).json({ error: 'not found' });
  res.json(image.toJSON());
});

server.get('/healthz', async (_req, res) => {
  await sequelize.query('SELECT 1');
  res.send('ok');
});

const port = Number(process.env.PORT ?? 8080);
server.listen(port).then(() => console.log(`web on :${port}`));

process.on('SIGTERM', async () => {
  await server.close();
  await queue.close();
  await sequelize.close();
});
