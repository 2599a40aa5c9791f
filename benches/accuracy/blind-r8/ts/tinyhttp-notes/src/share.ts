import got from 'got';

const mailer = got.extend({
  prefixUrl: process.env.MAILER_URL ?? 'http://mailer.internal:8080',
  timeout: { request: 5000 },
  retry: { limit: 2, methods: ['POST'] },
  headers: { authorization: `Bearer ${process.env.MAILER_TOKEN ?? ''}` },
});

export async function sendShareEmail(to: string, noteTitle: string, link: string): Promise<string> {
  const { id } = await mailer
    .post('v1/messages', {
      json: { to, template: 'note-shared', vars: { noteTitle, link } },
    })
    .json<{ id: string }>();
  return id;
}
