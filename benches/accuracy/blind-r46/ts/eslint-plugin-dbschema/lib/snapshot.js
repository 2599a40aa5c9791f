import Database from 'better-sqlite3';

// One read-only handle per snapshot file for the lifetime of the ESLint
// process (CLI run, eslint_d daemon or the editor's ESLint server).
const handles = new Map();

export function openSnapshot(path) {
  let db = handles.get(path);
  if (!db) {
    db = new Database(path, { readonly: true, fileMustExist: true });
    handles.set(path, db);
  }
  return db;
}

export function snapshotPath(context) {
  const fromOptions = context.options[0]?.snapshot;
  const fromSettings = context.settings?.dbschema?.snapshot;
  return fromOptions ?? fromSettings ?? '.schema/snapshot.sqlite';
}
