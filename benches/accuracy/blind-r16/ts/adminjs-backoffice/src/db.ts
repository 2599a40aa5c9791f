import { DataTypes, Model, Sequelize, type InferAttributes, type InferCreationAttributes } from 'sequelize';

export const sequelize = new Sequelize(process.env.DATABASE_URL ?? 'postgres://shop@localhost:5432/shop', {
  dialect: 'postgres',
  logging: false,
  pool: { max: 10, min: 0, idle: 10_000 },
});

export class Order extends Model<InferAttributes<Order>, InferCreationAttributes<Order>> {
  declare id: number;
  declare customerEmail: string;
  declare status: 'pending' | 'paid' | 'refunded' | 'cancelled';
  declare totalCents: number;
  declare currency: string;
  declare paymentIntentId: string | null;
}

Order.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    customerEmail: { type: DataTypes.STRING, allowNull: false },
    status: { type: DataTypes.STRING, allowNull: false, defaultValue: 'pending' },
    totalCents: { type: DataTypes.INTEGER, allowNull: false },
    currency: { type: DataTypes.STRING(3), allowNull: false },
    paymentIntentId: { type: DataTypes.STRING, allowNull: true },
  },
  { sequelize, tableName: 'orders', underscored: true },
);
