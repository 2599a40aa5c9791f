import { atom } from 'jotai';

export interface Job {
  id: string;
  address: string;
  status: 'open' | 'assigned' | 'done';
  driver?: string;
}

export const jobsAtom = atom<Record<string, Job>>({});
export const onlineDriversAtom = atom<string[]>([]);
export const networkOnlineAtom = atom<boolean>(true);
export const currentUserAtom = atom<{ id: string; name: string }>({ id: 'dispatcher-1', name: 'Dispatcher' });
