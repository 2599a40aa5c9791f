import { appTools, defineConfig } from '@modern-js/app-tools';
import { bffPlugin } from '@modern-js/plugin-bff';
import { expressPlugin } from '@modern-js/plugin-express';

export default defineConfig({
  runtime: {
    router: true,
  },
  bff: {
    prefix: '/api',
  },
  plugins: [appTools({ bundler: 'rspack' }), bffPlugin(), expressPlugin()],
});
