import { stagingRowTag } from './tags/dbRow';
import { s3PresignedTag } from './tags/s3';
import { attachStagingSession, rememberCorrelationId } from './hooks';

/**
 * Insomnia loads this module once and calls the exported tags / hooks:
 *  - templateTags[].run  every time a request containing the tag is rendered
 *    (on send, and on preview while the request is being edited)
 *  - requestHooks        before every request is sent
 *  - responseHooks       after every response arrives
 */
export const templateTags = [stagingRowTag, s3PresignedTag];

export const requestHooks = [attachStagingSession];

export const responseHooks = [rememberCorrelationId];

// Shared between tags: env helpers so the same plugin works for staging-eu and staging-us.
export interface TagContext {
  context: Record<string, string | undefined>;
  renderPurpose?: 'send' | 'preview' | 'general' | 'no-render';
  store: {
    getItem(key: string): Promise<string | null>;
    setItem(key: string, value: string): Promise<void>;
  };
}

export function envValue(ctx: TagContext, name: string): string {
  const value = ctx.context[name];
  if (!value) {
    throw new Error(`Environment variable "${name}" is not set in the active Insomnia environment`);
  }
  return value;
}
