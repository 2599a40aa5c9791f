import Provider from 'oidc-provider';
import { findAccount } from './accounts.js';
import { rolesFor } from './db.js';
import { recordAuthEvent } from './audit.js';

const ISSUER = process.env.ISSUER ?? 'http://localhost:4000';

const provider = new Provider(ISSUER, {
  clients: [
    {
      client_id: 'portal',
      client_secret: process.env.PORTAL_SECRET ?? 'dev-secret',
      redirect_uris: ['https://portal.example.com/callback'],
      grant_types: ['authorization_code', 'refresh_token'],
    },
  ],
  findAccount,
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'locale'],
  },
  features: {
    devInteractions: { enabled: process.env.NODE_ENV !== 'production' },
    revocation: { enabled: true },
  },
  extraTokenClaims: async (_ctx, token) => {
    if (!('accountId' in token) || !token.accountId) return undefined;
    return { roles: await rolesFor(token.accountId as string) };
  },
  cookies: { keys: (process.env.COOKIE_KEYS ?? 'dev-key-1').split(',') },
});

provider.proxy = true;

provider.on('grant.success', (ctx) => {
  const { oidc } = ctx;
  recordAuthEvent('grant.success', oidc.client?.clientId, oidc.session?.accountId).catch(console.error);
});

provider.on('grant.error', (ctx, err) => {
  recordAuthEvent('grant.error', ctx.oidc?.client?.clientId, undefined, err.message).catch(console.error);
});

provider.listen(Number(process.env.PORT ?? 4000), () => {
  console.log(`IdP listening, issuer ${ISSUER}`);
});
