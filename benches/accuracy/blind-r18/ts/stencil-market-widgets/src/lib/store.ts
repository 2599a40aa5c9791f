import { createStore } from '@stencil/store';

export const { state, onChange } = createStore({
  currency: 'USD',
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
});
