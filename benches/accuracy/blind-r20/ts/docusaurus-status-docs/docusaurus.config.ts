import type { Config } from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';

const config: Config = {
  title: 'Platform Docs',
  url: 'https://docs.platform.example.com',
  baseUrl: '/',
  onBrokenLinks: 'throw',
  customFields: {
    statusStreamUrl: 'https://status.platform.example.com/api/stream',
    deployLogUrl: 'wss://deploy.platform.example.com/ws/log',
  },
  presets: [
    [
      'classic',
      {
        docs: { sidebarPath: './sidebars.ts' },
        blog: false,
        theme: { customCss: './src/css/custom.css' },
      } satisfies Preset.Options,
    ],
  ],
  plugins: [
    [
      './plugins/release-notes',
      { repo: 'platform/platform', maxReleases: 20 },
    ],
  ],
};

export default config;
