import { PieceAuth, Property } from '@activepieces/pieces-framework';

export const warehouseAuth = PieceAuth.CustomAuth({
  description: 'Connection to the Acme warehouse database and the report archive bucket.',
  required: true,
  props: {
    connectionString: PieceAuth.SecretText({
      displayName: 'Postgres connection string',
      description: 'postgres://user:password@host:5432/warehouse',
      required: true,
    }),
    region: Property.ShortText({
      displayName: 'AWS region',
      defaultValue: 'eu-central-1',
      required: true,
    }),
    bucket: Property.ShortText({
      displayName: 'Archive bucket',
      required: true,
    }),
  },
});

export type WarehouseAuth = {
  connectionString: string;
  region: string;
  bucket: string;
};
