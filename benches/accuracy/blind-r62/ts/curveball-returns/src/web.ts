import { Application } from '@curveball/kernel';
import bodyParser from '@curveball/bodyparser';
import router from '@curveball/router';
import { Redis } from 'ioredis';
import { createPool } from './shared/db';
import { ReturnCollectionController, ReturnItemController } from './controllers/returns';

const pool = createPool('web');
const queue = new Redis(process.env.RETURNS_REDIS_URL ?? 'redis://127.0.0.1:6379');

const app = new Application();
app.use(bodyParser());
app.use(router('/returns', new ReturnCollectionController(pool, queue)));
app.use(router('/returns/:rma', new ReturnItemController(pool)));

const server = app.listen(Number(process.env.PORT ?? 8500));

process.once('SIGTERM', () => {
  server.close(async () => {
    await pool.end();
    queue.disconnect();
  });
});
