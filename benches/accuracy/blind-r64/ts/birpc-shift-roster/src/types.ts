export interface Shift {
  id: number;
  ward: string;
  starts_at: string;
  ends_at: string;
  volunteer: string | null;
}

// Functions the server exposes to browsers.
export interface ServerFunctions {
  listShifts(week: string): Promise<Shift[]>;
  claimShift(id: number): Promise<{ ok: boolean; shift?: Shift }>;
  releaseShift(id: number): Promise<{ ok: boolean }>;
}

// Functions each browser exposes to the server.
export interface ClientFunctions {
  shiftChanged(shift: Shift): void;
}
