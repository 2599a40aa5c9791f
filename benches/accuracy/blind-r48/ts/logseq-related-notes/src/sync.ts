import type { WeaviateClient } from 'weaviate-ts-client';

export const CLASS_NAME = 'LogseqPage';

export function createSyncer(client: WeaviateClient, graph: string) {
  const dirty = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | null = null;

  async function flush(): Promise<void> {
    timer = null;
    const pages = [...dirty];
    dirty.clear();
    if (pages.length === 0) return;

    const batcher = client.batch.objectsBatcher();
    for (const name of pages) {
      const tree = await logseq.Editor.getPageBlocksTree(name);
      const text = (tree ?? []).map((b) => b.content).join('\n').slice(0, 8000);
      const page = await logseq.Editor.getPage(name);
      if (!page) continue;
      batcher.withObject({
        class: CLASS_NAME,
        id: page.uuid,
        properties: { graph, name: page.originalName ?? name, text },
      });
    }
    await batcher.do();
  }

  return {
    markDirty(pageName: string) {
      dirty.add(pageName);
      if (!timer) timer = setTimeout(() => flush().catch(console.error), 5000);
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

export async function relatedTo(client: WeaviateClient, graph: string, text: string, excludeId: string) {
  const res = await client.graphql
    .get()
    .withClassName(CLASS_NAME)
    .withFields('name _additional { id distance }')
    .withNearText({ concepts: [text] })
    .withWhere({ path: ['graph'], operator: 'Equal', valueText: graph })
    .withLimit(6)
    .do();
  const hits: Array<{ name: string; _additional: { id: string; distance: number } }> =
    res.data?.Get?.[CLASS_NAME] ?? [];
  return hits.filter((h) => h._additional.id !== excludeId).slice(0, 5);
}
