import { DataSourceInstanceSettings, CoreApp, ScopedVars, DataSourcePlugin } from '@grafana/data';
import { DataSourceWithBackend, getTemplateSrv, getBackendSrv } from '@grafana/runtime';
import { lastValueFrom } from 'rxjs';
import { FlowQuery, FlowDataSourceOptions, FlowSecureJsonData, DEFAULT_QUERY, MeterInfo } from './types';
import { ConfigEditor } from './components/ConfigEditor';
import { QueryEditor } from './components/QueryEditor';

export class DataSource extends DataSourceWithBackend<FlowQuery, FlowDataSourceOptions> {
  readonly site: string;

  constructor(instanceSettings: DataSourceInstanceSettings<FlowDataSourceOptions>) {
    super(instanceSettings);
    this.site = instanceSettings.jsonData.site ?? 'default';
  }

  getDefaultQuery(_: CoreApp): Partial<FlowQuery> {
    return DEFAULT_QUERY;
  }

  applyTemplateVariables(query: FlowQuery, scopedVars: ScopedVars): FlowQuery {
    return {
      ...query,
      meterId: getTemplateSrv().replace(query.meterId ?? '', scopedVars),
    };
  }

  filterQuery(query: FlowQuery): boolean {
    return Boolean(query.meterId);
  }

  async listMeters(): Promise<MeterInfo[]> {
    const res = await lastValueFrom(
      getBackendSrv().fetch<MeterInfo[]>({
        url: `/api/datasources/uid/${this.uid}/resources/meters`,
        params: { site: this.site },
      }),
    );
    return res.data;
  }

  async ping(): Promise<boolean> {
    const res = await lastValueFrom(
      getBackendSrv().fetch<{ ok: boolean }>({ url: `/api/datasources/uid/${this.uid}/resources/ping` }),
    );
    return res.data.ok;
  }
}

export const plugin = new DataSourcePlugin<DataSource, FlowQuery, FlowDataSourceOptions, FlowSecureJsonData>(DataSource)
  .setConfigEditor(ConfigEditor)
  .setQueryEditor(QueryEditor);
