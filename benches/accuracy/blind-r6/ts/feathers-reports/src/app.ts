import { feathers } from '@feathersjs/feathers';
import configuration from '@feathersjs/configuration';
import { bodyParser, errorHandler, koa, rest } from '@feathersjs/koa';
import type { Application } from './declarations';
import { postgresql } from './postgresql';
import { reportQueue } from './queue';
import { reports } from './services/reports';

export const app: Application = koa(feathers());

app.configure(configuration());
app.use(errorHandler());
app.use(bodyParser());
app.configure(rest());
app.configure(postgresql);
app.configure(reportQueue);
app.configure(reports);
