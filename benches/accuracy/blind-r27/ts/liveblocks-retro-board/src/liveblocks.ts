import { createClient, LiveList, LiveObject, type BaseUserMeta, type Room } from '@liveblocks/client';

export type Cursor = { x: number; y: number } | null;

export type Presence = {
  cursor: Cursor;
  name: string;
  color: string;
};

export type Sticky = {
  id: string;
  column: 'went-well' | 'to-improve' | 'actions';
  text: string;
  votes: number;
  author: string;
};

export type Storage = {
  stickies: LiveList<LiveObject<Sticky>>;
};

export type RoomEvent =
  | { type: 'REACTION'; emoji: string; x: number; y: number }
  | { type: 'TIMER'; endsAt: number };

export type RetroRoom = Room<Presence, Storage, BaseUserMeta, RoomEvent>;

export const client = createClient({
  publicApiKey: import.meta.env.VITE_LIVEBLOCKS_PUBLIC_KEY as string,
  throttle: 32,
});

export const initialStorage = (): Storage => ({
  stickies: new LiveList<LiveObject<Sticky>>([]),
});

const COLORS = ['#e57373', '#64b5f6', '#81c784', '#ffb74d', '#ba68c8'];

export function colorFor(name: string): string {
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + ch.charCodeAt(0)) | 0;
  return COLORS[Math.abs(hash) % COLORS.length];
}
