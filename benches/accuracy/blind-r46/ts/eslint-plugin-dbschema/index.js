import noUnknownColumn from './rules/no-unknown-column.js';
import noUnknownTable from './rules/no-unknown-table.js';

const plugin = {
  meta: {
    name: '@acme/eslint-plugin-dbschema',
    version: '0.6.2',
  },
  rules: {
    'no-unknown-table': noUnknownTable,
    'no-unknown-column': noUnknownColumn,
  },
  configs: {},
};

plugin.configs.recommended = {
  plugins: { dbschema: plugin },
  settings: {
    dbschema: { snapshot: '.schema/snapshot.sqlite' },
  },
  rules: {
    'dbschema/no-unknown-table': 'error',
    'dbschema/no-unknown-column': 'warn',
  },
};

export default plugin;
