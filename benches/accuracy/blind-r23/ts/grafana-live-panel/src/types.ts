export interface LineHealthOptions {
  channel: string;
  gatewayUrl: string;
  staleAfterSeconds: number;
  pauseWhenHidden: boolean;
}

export interface StationStatus {
  station: string;
  oee: number;
  cycleMs: number;
  state: 'running' | 'blocked' | 'starved' | 'down';
  updatedAt: number;
}

export interface PlcAlarm {
  id: string;
  station: string;
  text: string;
  severity: 'info' | 'warning' | 'critical';
}
