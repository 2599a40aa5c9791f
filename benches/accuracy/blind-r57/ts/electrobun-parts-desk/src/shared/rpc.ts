import type { RPCSchema } from "electrobun/bun";

export interface Part {
  id: number;
  partNo: string;
  description: string;
  onHand: number;
  bin: string;
}

export interface StockLocation {
  code: string;
  name: string;
  parts: number;
}

export interface Reservation {
  ok: boolean;
  remaining: number;
  reason?: string;
}

export type PartsRPC = {
  bun: RPCSchema<{
    requests: {
      searchParts: { params: { query: string }; response: Part[] };
      reserveStock: {
        params: { partId: number; qty: number; jobRef: string };
        response: Reservation;
      };
      listLocations: { params: {}; response: StockLocation[] };
    };
    messages: {
      logToBun: { msg: string };
    };
  }>;
  webview: RPCSchema<{
    requests: {};
    messages: {
      stockChanged: { partId: number; remaining: number };
    };
  }>;
};
