declare module 'smpp' {
  import { EventEmitter } from 'node:events';

  namespace smpp {
    interface PDU {
      command: string;
      system_id?: string;
      password?: string;
      source_addr?: string;
      destination_addr?: string;
      short_message?: { message: string } | Buffer | string;
      registered_delivery?: number;
      response(options?: Record<string, unknown>): PDU;
    }
    interface Session extends EventEmitter {
      remoteAddress?: string;
      send(pdu: PDU, callback?: (resp: PDU) => void): boolean;
      pause(): void;
      resume(): void;
      close(callback?: () => void): void;
      deliver_sm(options: Record<string, unknown>, callback?: (resp: PDU) => void): boolean;
    }
    interface Server extends EventEmitter {
      listen(port: number, host?: string, callback?: () => void): void;
      close(callback?: () => void): void;
    }
    function createServer(options: Record<string, unknown>, listener: (session: Session) => void): Server;
    const ESME_RBINDFAIL: number;
    const ESME_RINVDSTADR: number;
    const ESME_RTHROTTLED: number;
    const ESME_RSYSERR: number;
  }
  export = smpp;
}
