import pg from 'pg';

/**
 * Metalsmith plugin: pulls released versions from the release DB and renders
 * one page per release plus an index. The docs build is a one-shot CI step,
 * so this opens a single connection for the build and closes it when done.
 */
export default function releaseNotes({ connectionString, product }) {
  return async function releaseNotesPlugin(files) {
    const client = new pg.Client({ connectionString, application_name: 'docs-build' });
    await client.connect();
    try {
      const { rows: releases } = await client.query(
        `SELECT id, version, released_at FROM releases
          WHERE product = $1 AND published ORDER BY released_at DESC`,
        [product],
      );
      for (const release of releases) {
        const { rows: notes } = await client.query(
          'SELECT kind, summary FROM release_notes WHERE release_id = $1 ORDER BY kind, position',
          [release.id],
        );
        const body = notes.map((n) => `- **${n.kind}**: ${n.summary}`).join('\n');
        files[`releases/${release.version}.md`] = {
          title: `Release ${release.version}`,
          layout: 'release.hbs',
          date: release.released_at,
          contents: Buffer.from(body),
        };
      }
      files['releases/index.md'] = {
        title: 'Releases',
        layout: 'page.hbs',
        contents: Buffer.from(releases.map((r) => `- [${r.version}](./${r.version}/)`).join('\n')),
      };
    } finally {
      await client.end();
    }
  };
}
