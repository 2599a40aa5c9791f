export { realtime } from './lib/realtime';
export { state as widgetState } from './lib/store';
