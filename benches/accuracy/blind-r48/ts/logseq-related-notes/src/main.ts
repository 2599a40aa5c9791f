import '@logseq/libs';
import weaviate, { ApiKey } from 'weaviate-ts-client';
import { settingsSchema, type Settings } from './settings';
import { createSyncer, relatedTo } from './sync';

async function main(): Promise<void> {
  logseq.useSettingsSchema(settingsSchema);
  const settings = logseq.settings as unknown as Settings;

  const client = weaviate.client({
    scheme: settings.weaviateScheme ?? 'http',
    host: settings.weaviateHost ?? 'localhost:8080',
    ...(settings.weaviateApiKey ? { apiKey: new ApiKey(settings.weaviateApiKey) } : {}),
  });

  const graph = (await logseq.App.getCurrentGraph())?.name ?? 'default';
  const syncer = createSyncer(client, graph);

  const offChanged = logseq.DB.onChanged(({ blocks }) => {
    for (const block of blocks) {
      const pageName = (block as any).page?.originalName ?? (block as any).originalName;
      if (pageName) syncer.markDirty(pageName);
    }
  });

  logseq.Editor.registerSlashCommand('Related notes', async () => {
    const block = await logseq.Editor.getCurrentBlock();
    const page = await logseq.Editor.getCurrentPage();
    if (!block || !page) return;
    const tree = await logseq.Editor.getPageBlocksTree(page.uuid as string);
    const text = (tree ?? []).map((b) => b.content).join('\n').slice(0, 2000);
    const hits = await relatedTo(client, graph, text, page.uuid as string);
    if (hits.length === 0) {
      await logseq.UI.showMsg('No related notes yet', 'warning');
      return;
    }
    await logseq.Editor.insertBatchBlock(
      block.uuid,
      hits.map((h) => ({ content: `[[${h.name}]]` })),
      { sibling: false },
    );
  });

  logseq.beforeunload(async () => {
    offChanged();
    syncer.cancel();
  });
}

logseq.ready(main).catch(console.error);
