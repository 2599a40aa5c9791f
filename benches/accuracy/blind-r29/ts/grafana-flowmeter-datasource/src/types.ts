import { DataSourceJsonData } from '@grafana/data';
import { DataQuery } from '@grafana/schema';

export type MeterMetric = 'flow_rate' | 'totaliser' | 'pressure' | 'temperature';

export interface FlowQuery extends DataQuery {
  meterId?: string;
  metric: MeterMetric;
  live?: boolean;
}

export const DEFAULT_QUERY: Partial<FlowQuery> = {
  metric: 'flow_rate',
  live: false,
};

export interface FlowDataSourceOptions extends DataSourceJsonData {
  apiUrl?: string;
  site?: string;
  healthPollSeconds?: number;
}

export interface FlowSecureJsonData {
  apiKey?: string;
}

export interface MeterInfo {
  id: string;
  name: string;
  online: boolean;
}

export interface MeterEvent {
  meterId: string;
  kind: 'alarm' | 'calibration' | 'offline' | 'online';
  message: string;
  ts: number;
}
