import { MongoClient, type Collection } from 'mongodb';
import type { Account, AccountClaims, KoaContextWithOIDC } from 'oidc-provider';

interface UserDoc {
  _id: string;
  email: string;
  emailVerified: boolean;
  name: string;
  locale?: string;
  disabled?: boolean;
}

class AccountLookup {
  private readonly client: MongoClient;
  private readonly users: Collection<UserDoc>;

  constructor() {
    this.client = new MongoClient(process.env.MONGO_URL ?? 'mongodb://localhost:27017', {
      appName: 'idp-accounts',
    });
    this.users = this.client.db('directory').collection<UserDoc>('users');
  }

  async byId(sub: string): Promise<UserDoc | null> {
    return this.users.findOne({ _id: sub, disabled: { $ne: true } });
  }
}

export async function findAccount(
  _ctx: KoaContextWithOIDC,
  sub: string,
): Promise<Account | undefined> {
  const user = await new AccountLookup().byId(sub);
  if (!user) return undefined;
  return {
    accountId: user._id,
    async claims(_use: string, scope: string): Promise<AccountClaims> {
      const claims: AccountClaims = { sub: user._id };
      if (scope.includes('email')) {
        claims.email = user.email;
        claims.email_verified = user.emailVerified;
      }
      if (scope.includes('profile')) {
        claims.name = user.name;
        claims.locale = user.locale;
      }
      return claims;
    },
  };
}
