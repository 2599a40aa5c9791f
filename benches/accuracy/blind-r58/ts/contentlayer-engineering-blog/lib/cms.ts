import { MongoClient } from 'mongodb';

/**
 * Author profiles live in the marketing CMS (MongoDB), not in the repo,
 * so that people can update their bio and avatar without a PR.
 */
export interface AuthorProfile {
  handle: string;
  name: string;
  role: string;
  avatarUrl: string;
  github?: string;
}

export async function connectCms(): Promise<MongoClient> {
  const uri = process.env.CMS_MONGODB_URI;
  if (!uri) {
    throw new Error('CMS_MONGODB_URI is not set (needed to resolve author profiles)');
  }
  const client = new MongoClient(uri, { appName: 'engineering-blog-content', maxPoolSize: 5 });
  await client.connect();
  return client;
}

export async function findAuthor(client: MongoClient, handle: string): Promise<AuthorProfile> {
  const doc = await client
    .db('cms')
    .collection<AuthorProfile>('authors')
    .findOne({ handle }, { projection: { _id: 0, handle: 1, name: 1, role: 1, avatarUrl: 1, github: 1 } });

  return (
    doc ?? {
      handle,
      name: handle,
      role: 'Engineer',
      avatarUrl: `https://github.com/${handle}.png`,
    }
  );
}
