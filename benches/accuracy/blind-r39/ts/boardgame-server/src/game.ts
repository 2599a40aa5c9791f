import type { Game } from "boardgame.io";
import { INVALID_MOVE } from "boardgame.io/core";

export interface ConnectFourState {
  cells: (string | null)[];
}

const COLS = 7;
const ROWS = 6;

function winner(cells: (string | null)[]): string | null {
  const at = (r: number, c: number) => (r >= 0 && r < ROWS && c >= 0 && c < COLS ? cells[r * COLS + c] : null);
  const dirs = [[0, 1], [1, 0], [1, 1], [1, -1]];
  for (let r = 0; r < ROWS; r++) {
    for (let c = 0; c < COLS; c++) {
      const p = at(r, c);
      if (!p) continue;
      for (const [dr, dc] of dirs) {
        if ([1, 2, 3].every((k) => at(r + dr! * k, c + dc! * k) === p)) return p;
      }
    }
  }
  return null;
}

export const ConnectFour: Game<ConnectFourState> = {
  name: "connect-four",
  setup: () => ({ cells: Array(COLS * ROWS).fill(null) }),
  turn: { minMoves: 1, maxMoves: 1 },
  moves: {
    drop: ({ G, playerID }, col: number) => {
      for (let r = ROWS - 1; r >= 0; r--) {
        const idx = r * COLS + col;
        if (G.cells[idx] === null) {
          G.cells[idx] = playerID;
          return;
        }
      }
      return INVALID_MOVE;
    },
  },
  endIf: ({ G }) => {
    const w = winner(G.cells);
    if (w) return { winner: w };
    if (G.cells.every((c) => c !== null)) return { draw: true };
  },
};
