"use strict";

const path = require("node:path");
const Database = require("better-sqlite3");

const DEFAULT_DB = path.resolve(process.cwd(), "i18n/glossary.sqlite");

function lookupTerm(db, locale, key) {
  const row = db
    .prepare("SELECT text FROM terms WHERE locale = ? AND key = ?")
    .get(locale, key);
  return row ? row.text : null;
}

module.exports = function glossaryPlugin(api, options) {
  api.assertVersion(7);
  const { types: t } = api;
  const locale = options.locale || "en";
  const dbPath = options.database || DEFAULT_DB;

  return {
    name: "glossary",

    pre(file) {
      this.db = new Database(dbPath, { readonly: true, fileMustExist: true });
      this.missing = [];
      this.filename = file.opts.filename;
    },

    visitor: {
      CallExpression(p) {
        const callee = p.get("callee");
        if (!callee.isIdentifier({ name: "t" })) return;
        const [arg] = p.node.arguments;
        if (!arg || !t.isStringLiteral(arg)) return;

        const text = lookupTerm(this.db, locale, arg.value);
        if (text == null) {
          this.missing.push(arg.value);
          return;
        }
        p.replaceWith(t.stringLiteral(text));
      },
    },

    post() {
      if (this.missing.length > 0) {
        const audit = new Database(path.join(path.dirname(dbPath), "missing.sqlite"));
        const insert = audit.prepare(
          "INSERT OR IGNORE INTO missing (file, key, locale) VALUES (?, ?, ?)"
        );
        for (const key of this.missing) insert.run(this.filename, key, locale);
      }
    },
  };
};
