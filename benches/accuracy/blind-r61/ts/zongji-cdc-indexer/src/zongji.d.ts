declare module 'zongji' {
  import { EventEmitter } from 'node:events';
  export interface BinlogEvent {
    getEventName(): string;
    nextPosition: number;
    binlogName?: string;
    tableId?: number;
    tableMap?: Record<number, { parentSchema: string; tableName: string }>;
    rows?: any[];
  }
  export default class ZongJi extends EventEmitter {
    constructor(options: { host: string; port?: number; user: string; password?: string });
    start(options?: {
      serverId?: number;
      filename?: string;
      position?: number;
      includeEvents?: string[];
      includeSchema?: Record<string, string[] | true>;
    }): void;
    stop(): void;
  }
}
