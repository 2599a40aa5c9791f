import { createServer, httpListener } from '@marblejs/http';
import { bodyParser$ } from '@marblejs/middleware-body';
import { IO } from 'fp-ts/lib/IO';
import { cancelOrder$, getOrder$ } from './orders.effects';

const listener = httpListener({
  middlewares: [bodyParser$()],
  effects: [getOrder$, cancelOrder$],
});

const server = createServer({
  port: Number(process.env.PORT ?? 1337),
  hostname: '0.0.0.0',
  listener,
});

const main: IO<void> = async () => await (await server)();

main();
