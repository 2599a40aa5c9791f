import { Config } from '@stencil/core';

export const config: Config = {
  namespace: 'market-widgets',
  outputTargets: [
    { type: 'dist', esmLoaderPath: '../loader' },
    { type: 'dist-custom-elements', customElementsExportBehavior: 'auto-define-custom-elements' },
    { type: 'www', serviceWorker: null },
  ],
};
