import { ContextPlugin } from "@webiny/api";
import { CmsContext, CmsEntry, CmsModel } from "@webiny/api-headless-cms/types";
import { Client } from "@opensearch-project/opensearch";
import { SendMessageCommand, SQSClient } from "@aws-sdk/client-sqs";

const SYNCED_MODELS = new Set(["article", "author", "topic"]);
const sqs = new SQSClient({ region: process.env.AWS_REGION });

function toDocument(entry: CmsEntry, model: CmsModel): Record<string, unknown> {
  return {
    id: entry.entryId,
    model: model.modelId,
    locale: entry.locale,
    title: entry.values.title ?? entry.values.name ?? "",
    summary: entry.values.summary ?? "",
    slug: entry.values.slug ?? entry.entryId,
    publishedOn: entry.publishedOn ?? entry.savedOn,
  };
}

export const searchSync = new ContextPlugin<CmsContext>(async (context) => {
  context.cms.onEntryAfterPublish.subscribe(async ({ entry, model }) => {
    if (!SYNCED_MODELS.has(model.modelId)) return;

    const search = new Client({
      node: process.env.SEARCH_NODE_URL,
      auth: { username: "cms-sync", password: process.env.SEARCH_PASSWORD ?? "" },
    });
    await search.index({
      index: `cms-${model.modelId}`,
      id: entry.entryId,
      body: toDocument(entry, model),
      refresh: false,
    });

    await sqs.send(
      new SendMessageCommand({
        QueueUrl: process.env.CACHE_PURGE_QUEUE_URL,
        MessageBody: JSON.stringify({ slug: entry.values.slug, model: model.modelId }),
      }),
    );
  });

  context.cms.onEntryAfterUnpublish.subscribe(async ({ entry, model }) => {
    if (!SYNCED_MODELS.has(model.modelId)) return;
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: process.env.SEARCH_DELETE_QUEUE_URL,
        MessageBody: JSON.stringify({ index: `cms-${model.modelId}`, id: entry.entryId }),
      }),
    );
  });
});
