import { Client } from '@elastic/elasticsearch';
import { DataTypes, Model } from 'sequelize';

import { recordChange } from '../audit/store';
import { sequelize } from '../db';

export class Shipment extends Model {
  declare id: number;
  declare reference: string;
  declare carrier: string | null;
  declare status: string;
  declare destination: string;
}

Shipment.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    reference: { type: DataTypes.STRING(32), allowNull: false, unique: true },
    carrier: { type: DataTypes.STRING(32), allowNull: true },
    status: { type: DataTypes.STRING(16), allowNull: false, defaultValue: 'created' },
    destination: { type: DataTypes.STRING(128), allowNull: false },
  },
  { sequelize, tableName: 'shipments' },
);

Shipment.addHook('afterCreate', 'indexShipment', async (shipment: Shipment) => {
  const search = new Client({ node: process.env.ELASTICSEARCH_URL });
  await search.index({
    index: 'shipments',
    id: String(shipment.id),
    document: { reference: shipment.reference, destination: shipment.destination, status: shipment.status },
  });
});

Shipment.addHook('afterUpdate', 'auditShipment', async (shipment: Shipment) => {
  await recordChange('shipment', shipment.id, shipment.changed() ? shipment.toJSON() : {});
});
