import type { Application as FeathersApplication } from '@feathersjs/koa';
import type { Knex } from 'knex';
import type { Queue } from 'bullmq';

export interface Configuration {
  host: string;
  port: number;
  postgresql: Knex.Config;
  redis: string;
  reportQueue: Queue;
}

export interface ServiceTypes {}

export type Application = FeathersApplication<ServiceTypes, Configuration>;
