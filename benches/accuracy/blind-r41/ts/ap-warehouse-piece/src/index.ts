import { createPiece } from '@activepieces/pieces-framework';
import { PieceCategory } from '@activepieces/shared';
import { warehouseAuth } from './lib/auth';
import { upsertCustomer } from './lib/actions/upsert-customer';
import { exportReport } from './lib/actions/export-report';
import { newOrder } from './lib/triggers/new-order';

export const acmeWarehouse = createPiece({
  displayName: 'Acme Warehouse',
  description: 'Customers, orders and archived reports in the Acme warehouse',
  auth: warehouseAuth,
  minimumSupportedRelease: '0.20.0',
  logoUrl: 'https://cdn.acme.dev/pieces/warehouse.png',
  categories: [PieceCategory.DEVELOPER_TOOLS],
  authors: ['acme-data-platform'],
  actions: [upsertCustomer, exportReport],
  triggers: [newOrder],
});
