import * as avro from 'avsc';

export const ledgerProtocol = {
  protocol: 'LedgerService',
  namespace: 'com.example.ledger',
  types: [
    {
      type: 'record',
      name: 'Balance',
      fields: [
        { name: 'accountId', type: 'string' },
        { name: 'debitsPosted', type: 'string' },
        { name: 'creditsPosted', type: 'string' },
      ],
    },
  ],
  messages: {
    transfer: {
      request: [
        { name: 'debitAccountId', type: 'string' },
        { name: 'creditAccountId', type: 'string' },
        { name: 'amountMinor', type: 'string' },
        { name: 'reference', type: 'string' },
      ],
      response: 'string',
      errors: ['string'],
    },
    balance: {
      request: [{ name: 'accountId', type: 'string' }],
      response: 'Balance',
      errors: ['string'],
    },
  },
};

export const ledgerService = avro.Service.forProtocol(ledgerProtocol as any);
