declare module 'gearmanode' {
  import { EventEmitter } from 'node:events';

  export interface Job extends EventEmitter {
    handle: string;
    name: string;
    payload: Buffer;
    workComplete(data?: string | Buffer): void;
    sendWorkData(data: string | Buffer): void;
    reportStatus(numerator: number, denominator: number): void;
    reportWarning(data: string): void;
    reportError(): void;
    reportException(text: string): void;
  }

  export interface Worker extends EventEmitter {
    addFunction(name: string, fn: (job: Job) => void, options?: { timeout?: number; toStringEncoding?: string }): void;
    removeFunction(name: string): void;
    resetAbilities(): void;
    close(): void;
  }

  export function worker(options?: { host?: string; port?: number; servers?: { host?: string; port?: number }[] }): Worker;
}
