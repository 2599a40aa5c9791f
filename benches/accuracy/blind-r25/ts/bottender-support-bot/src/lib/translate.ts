import { TranslationServiceClient } from '@google-cloud/translate';

const PROJECT_ID = process.env.GOOGLE_CLOUD_PROJECT ?? 'support-desk-prod';

export function getTranslator(): TranslationServiceClient {
  return new TranslationServiceClient({
    projectId: PROJECT_ID,
    keyFilename: process.env.GOOGLE_APPLICATION_CREDENTIALS,
  });
}

export function parentPath(): string {
  return `projects/${PROJECT_ID}/locations/global`;
}
