import { getStoryContext, type TestRunnerConfig } from '@storybook/test-runner';
import { getViolations, injectAxe } from 'axe-playwright';

import { recordStoryResult } from '../tests/a11y/ledger';

const config: TestRunnerConfig = {
  // Runs before each story is visited.
  async preVisit(page) {
    await injectAxe(page);
  },

  // Runs after each story has rendered (once per story, in every Jest worker).
  async postVisit(page, context) {
    const storyContext = await getStoryContext(page, context);
    if (storyContext.parameters?.a11y?.disable) {
      return;
    }

    const violations = await getViolations(page, '#storybook-root', {
      detailedReport: false,
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] },
    });

    await recordStoryResult({
      storyId: context.id,
      title: context.title,
      name: context.name,
      violations: violations.map((v) => ({
        ruleId: v.id,
        impact: v.impact ?? 'unknown',
        nodes: v.nodes.length,
      })),
    });
  },
};

export default config;
