import { CommentTag, Logger, ProjectReflection, ReflectionKind } from 'typedoc';
import pg from 'pg';

interface DeprecationRow {
  symbol: string;
  sunset_on: string;
  replacement: string | null;
}

export async function annotateDeprecations(
  project: ProjectReflection,
  connectionString: string,
  logger: Logger,
): Promise<void> {
  const modules = project.getReflectionsByKind(ReflectionKind.Module);
  let flagged = 0;

  for (const mod of modules) {
    const db = new pg.Client({ connectionString, application_name: 'typedoc-ownership' });
    await db.connect();
    const { rows } = await db.query<DeprecationRow>(
      `SELECT symbol, sunset_on::text, replacement
         FROM api_deprecations
        WHERE module = $1 AND withdrawn = false`,
      [mod.name],
    );

    for (const row of rows) {
      const target = project.getChildByName([mod.name, row.symbol]);
      if (!target?.comment) continue;
      const note = row.replacement
        ? `Sunset on ${row.sunset_on}; use ${row.replacement} instead.`
        : `Sunset on ${row.sunset_on}.`;
      target.comment.blockTags.push(new CommentTag('@deprecated', [{ kind: 'text', text: note }]));
      flagged++;
    }
  }

  if (flagged) logger.warn(`deprecations: ${flagged} symbols are scheduled for removal`);
}
