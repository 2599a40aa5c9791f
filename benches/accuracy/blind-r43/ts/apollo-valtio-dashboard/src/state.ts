import { proxy } from 'valtio';

export interface Alert {
  id: string;
  severity: 'info' | 'warning' | 'critical';
  message: string;
}

export const ui = proxy({
  alerts: [] as Alert[],
  socket: 'connecting' as 'connecting' | 'connected' | 'closed',
  online: navigator.onLine,
  dark: window.matchMedia('(prefers-color-scheme: dark)').matches,
});
