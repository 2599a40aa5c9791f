import { rootModule } from '@ditsmod/core';
import { RoutingModule } from '@ditsmod/routing';
import { AppDb, WarehouseDb } from './db.js';
import { OrdersController } from './orders.controller.js';
import { ReportsController } from './reports.controller.js';

/**
 * providersPerApp: one instance for the whole process.
 * providersPerReq: a fresh instance for every HTTP request (can inject Req/Res).
 * WarehouseDb needs the request to pick the regional warehouse, so it lives
 * in providersPerReq.
 */
@rootModule({
  imports: [RoutingModule],
  controllers: [OrdersController, ReportsController],
  providersPerApp: [AppDb],
  providersPerReq: [WarehouseDb],
  exports: [],
})
export class AppModule {}

export const REGIONS = ['eu', 'us', 'apac'] as const;
export type Region = (typeof REGIONS)[number];

export function regionFrom(header: string | string[] | undefined): Region {
  const value = Array.isArray(header) ? header[0] : header;
  return (REGIONS as readonly string[]).includes(value ?? '') ? (value as Region) : 'eu';
}

export interface ApiError {
  error: string;
  detail?: string;
}

export function notFound(what: string, id: string | number): ApiError {
  return { error: 'not_found', detail: `${what} ${id} does not exist` };
}
