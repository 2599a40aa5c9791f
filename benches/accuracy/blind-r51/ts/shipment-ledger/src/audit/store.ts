import { DataTypes, Model, Sequelize } from 'sequelize';

// audit_entries sits in the ledger database, next to shipments
const auditDb = new Sequelize(process.env.LEDGER_DATABASE_URL as string, {
  dialect: 'postgres',
  logging: false,
});

export class AuditEntry extends Model {
  declare id: number;
  declare entity: string;
  declare entityId: number;
  declare change: object;
}

AuditEntry.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    entity: { type: DataTypes.STRING(64), allowNull: false },
    entityId: { type: DataTypes.INTEGER, allowNull: false, field: 'entity_id' },
    change: { type: DataTypes.JSONB, allowNull: false },
  },
  { sequelize: auditDb, tableName: 'audit_entries', updatedAt: false },
);

export async function recordChange(entity: string, entityId: number, change: object): Promise<void> {
  await AuditEntry.create({ entity, entityId, change });
}
