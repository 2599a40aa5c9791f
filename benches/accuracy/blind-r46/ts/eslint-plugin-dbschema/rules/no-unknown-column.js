import { isSqlTag, qualifiedColumns, templateText } from '../lib/sql-text.js';
import { openSnapshot, snapshotPath } from '../lib/snapshot.js';

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Warn about table.column references that are not in the schema snapshot',
    },
    schema: [
      {
        type: 'object',
        properties: { snapshot: { type: 'string' } },
        additionalProperties: false,
      },
    ],
    messages: {
      unknownColumn: "Column '{{table}}.{{column}}' does not exist in the schema snapshot.",
    },
  },

  create(context) {
    const db = openSnapshot(snapshotPath(context));
    const columns = db.prepare('SELECT name FROM pragma_table_info(?)');

    const cache = new Map();
    const columnsOf = (table) => {
      if (!cache.has(table)) {
        cache.set(table, new Set(columns.all(table).map((row) => row.name)));
      }
      return cache.get(table);
    };

    return {
      TaggedTemplateExpression(node) {
        if (!isSqlTag(node)) return;
        for (const { table, column } of qualifiedColumns(templateText(node))) {
          const known = columnsOf(table);
          if (known.size > 0 && !known.has(column)) {
            context.report({ node, messageId: 'unknownColumn', data: { table, column } });
          }
        }
      },
    };
  },
};
