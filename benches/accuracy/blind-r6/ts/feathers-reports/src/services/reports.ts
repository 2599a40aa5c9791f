import { KnexService } from '@feathersjs/knex';
import type { KnexAdapterParams } from '@feathersjs/knex';
import { BadRequest } from '@feathersjs/errors';
import type { Application } from '../declarations';

export interface Report {
  id: number;
  kind: 'sales' | 'inventory';
  params: Record<string, unknown>;
  status: 'queued' | 'done' | 'failed';
  resultUrl?: string | null;
}

export type ReportData = Pick<Report, 'kind' | 'params'>;

export class ReportService extends KnexService<Report, ReportData, KnexAdapterParams> {
  constructor(private app: Application) {
    super({ Model: app.get('postgresqlClient'), name: 'reports', paginate: { default: 20, max: 100 } });
  }

  async create(data: ReportData, params?: KnexAdapterParams): Promise<Report>;
  async create(data: ReportData[], params?: KnexAdapterParams): Promise<Report[]>;
  async create(data: ReportData | ReportData[], params?: KnexAdapterParams): Promise<Report | Report[]> {
    if (Array.isArray(data)) throw new BadRequest('one report at a time');
    if (!['sales', 'inventory'].includes(data.kind)) throw new BadRequest(`unknown kind ${data.kind}`);

    const report = (await super.create({ ...data, status: 'queued' } as ReportData, params)) as Report;
    await this.app.get('reportQueue').add('render', { reportId: report.id }, { attempts: 3 });
    return report;
  }
}

declare module '../declarations' {
  interface ServiceTypes {
    reports: ReportService;
  }
}

export const reports = (app: Application) => {
  app.use('reports', new ReportService(app), { methods: ['find', 'get', 'create'] });
};
