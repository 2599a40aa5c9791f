import Database from 'better-sqlite3';

import { isSqlTag, referencedTables, templateText } from '../lib/sql-text.js';
import { snapshotPath } from '../lib/snapshot.js';

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow sql`...` queries that reference tables missing from the schema snapshot',
    },
    schema: [
      {
        type: 'object',
        properties: { snapshot: { type: 'string' } },
        additionalProperties: false,
      },
    ],
    messages: {
      unknownTable: "Table '{{name}}' does not exist in the schema snapshot ({{path}}).",
    },
  },

  // ESLint calls create() once for every file it lints.
  create(context) {
    const path = snapshotPath(context);
    const db = new Database(path, { readonly: true, fileMustExist: true });
    const tableExists = db.prepare(
      "SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?",
    );

    return {
      TaggedTemplateExpression(node) {
        if (!isSqlTag(node)) return;
        for (const name of referencedTables(templateText(node))) {
          if (!tableExists.get(name)) {
            context.report({ node, messageId: 'unknownTable', data: { name, path } });
          }
        }
      },
    };
  },
};
