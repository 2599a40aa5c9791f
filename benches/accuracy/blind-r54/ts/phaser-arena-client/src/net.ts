import { io, Socket } from 'socket.io-client';

export interface PlayerState {
  id: string;
  x: number;
  y: number;
  angle: number;
  hp: number;
  name: string;
}

export interface ArenaState {
  tick: number;
  players: PlayerState[];
}

export interface RoundOver {
  round: number;
  winnerId: string | null;
}

let socket: Socket | null = null;

export function getSocket(): Socket {
  if (socket === null) {
    socket = io(import.meta.env.VITE_ARENA_URL ?? 'http://localhost:3001', {
      transports: ['websocket'],
      autoConnect: false,
      reconnectionDelayMax: 5000,
      auth: (cb) => cb({ token: localStorage.getItem('arena-token') ?? '' }),
    });
  }
  return socket;
}

export function disconnectSocket(): void {
  if (socket !== null) {
    socket.removeAllListeners();
    socket.disconnect();
    socket = null;
  }
}
