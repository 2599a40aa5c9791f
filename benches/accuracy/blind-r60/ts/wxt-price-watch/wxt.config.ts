import { defineConfig } from 'wxt';

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifest: {
    name: 'Price Watch',
    permissions: ['storage', 'alarms', 'notifications'],
    host_permissions: ['https://www.example-shop.com/*', 'https://*.supabase.co/*'],
  },
});
