import type { SettingSchemaDesc } from '@logseq/libs/dist/LSPlugin';

export const settingsSchema: SettingSchemaDesc[] = [
  {
    key: 'weaviateHost',
    type: 'string',
    default: 'localhost:8080',
    title: 'Weaviate host',
    description: 'host[:port] of your Weaviate instance (reload the plugin after changing)',
  },
  {
    key: 'weaviateScheme',
    type: 'enum',
    enumChoices: ['http', 'https'],
    enumPicker: 'select',
    default: 'http',
    title: 'Scheme',
    description: '',
  },
  {
    key: 'weaviateApiKey',
    type: 'string',
    default: '',
    title: 'API key',
    description: 'Leave empty for an anonymous local instance',
  },
];

export interface Settings {
  weaviateHost: string;
  weaviateScheme: 'http' | 'https';
  weaviateApiKey: string;
}
