import { CommentTag, Logger, ProjectReflection, ReflectionKind } from 'typedoc';
import { Pool } from 'undici';

interface OwnerRecord {
  team: string;
  slack?: string;
  tier?: 'gold' | 'silver' | 'bronze';
}

const OWNED_KINDS =
  ReflectionKind.Class | ReflectionKind.Interface | ReflectionKind.Function | ReflectionKind.Enum;

export async function annotateOwners(
  project: ProjectReflection,
  apiBase: string,
  logger: Logger,
): Promise<void> {
  const reflections = project.getReflectionsByKind(OWNED_KINDS);
  let annotated = 0;

  for (const reflection of reflections) {
    const file = reflection.sources?.[0]?.fileName;
    if (!file || !reflection.comment) continue;

    const catalog = new Pool(apiBase, { connections: 2, keepAliveTimeout: 30_000 });
    const { statusCode, body } = await catalog.request({
      method: 'GET',
      path: `/v1/owners?path=${encodeURIComponent(file)}&symbol=${encodeURIComponent(reflection.getFullName())}`,
      headers: { accept: 'application/json' },
    });
    if (statusCode !== 200) {
      await body.dump();
      logger.verbose(`no owner for ${reflection.getFullName()} (${statusCode})`);
      continue;
    }

    const owner = (await body.json()) as OwnerRecord;
    const text = owner.slack ? `${owner.team} (${owner.slack})` : owner.team;
    reflection.comment.blockTags.push(new CommentTag('@owner', [{ kind: 'text', text }]));
    if (owner.tier) {
      reflection.comment.blockTags.push(
        new CommentTag('@supportTier', [{ kind: 'text', text: owner.tier }]),
      );
    }
    annotated++;
  }

  logger.info(`ownership: annotated ${annotated} of ${reflections.length} declarations`);
}
