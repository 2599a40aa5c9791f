import type { ConnectRouter } from '@connectrpc/connect';
import { AccountService } from './gen/accounts/v1/accounts_connect.js';
import { accountsImpl } from './accounts.service.js';

export default (router: ConnectRouter) => {
  router.service(AccountService, accountsImpl);
};
