import { Probot } from 'probot';
import { Pool as HttpPool } from 'undici';
import { handleIssueOpened } from './handlers/issues';
import { handlePullRequestClosed } from './handlers/pulls';

interface Classification {
  labels: string[];
  confidence: number;
}

export default (app: Probot) => {
  app.log.info('triage-bot loaded');

  app.on('issues.opened', handleIssueOpened);
  app.on('pull_request.closed', handlePullRequestClosed);

  app.on('issue_comment.created', async (context) => {
    const body = context.payload.comment.body;
    if (!body.startsWith('/classify')) return;

    const classifier = new HttpPool(process.env.CLASSIFIER_URL ?? 'http://classifier.internal:8080', {
      connections: 4,
      keepAliveTimeout: 10_000,
    });
    const { body: resBody } = await classifier.request({
      path: '/v1/classify',
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: context.payload.issue.title, body: context.payload.issue.body ?? '' }),
    });
    const result = (await resBody.json()) as Classification;

    if (result.confidence > 0.7) {
      await context.octokit.issues.addLabels(context.issue({ labels: result.labels }));
    }
  });
};
