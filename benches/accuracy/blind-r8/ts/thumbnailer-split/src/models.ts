import { DataTypes, Model, Sequelize, InferAttributes, InferCreationAttributes, CreationOptional } from 'sequelize';

export class Image extends Model<InferAttributes<Image>, InferCreationAttributes<Image>> {
  declare id: CreationOptional<number>;
  declare sourceUrl: string;
  declare status: CreationOptional<'pending' | 'done' | 'failed'>;
  declare thumbPath: string | null;
  declare attempts: CreationOptional<number>;
}

export function initModels(sequelize: Sequelize): void {
  Image.init(
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      sourceUrl: { type: DataTypes.TEXT, allowNull: false, field: 'source_url' },
      status: { type: DataTypes.STRING(16), allowNull: false, defaultValue: 'pending' },
      thumbPath: { type: DataTypes.TEXT, allowNull: true, field: 'thumb_path' },
      attempts: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    },
    { sequelize, tableName: 'images', underscored: true },
  );
}

export const QUEUE_NAME = 'thumbnails';

export const redisOptions = {
  host: process.env.REDIS_HOST ?? '127.0.0.1',
  port: Number(process.env.REDIS_PORT ?? 6379),
};
