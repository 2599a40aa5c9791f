import { Replicache } from 'replicache';
import { atom } from 'nanostores';
import { mutators } from './mutators';

export const LICENSE_KEY = import.meta.env.VITE_REPLICACHE_LICENSE_KEY as string;
export const userId = localStorage.getItem('board:user') ?? 'anon';

// One Replicache instance for the lifetime of the tab.
export const rep = new Replicache({
  name: `board-${userId}`,
  licenseKey: LICENSE_KEY,
  pushURL: '/api/replicache/push',
  pullURL: '/api/replicache/pull',
  mutators,
});

export const $column = atom<'all' | 'todo' | 'doing' | 'done'>('all');
export const $online = atom(navigator.onLine);
