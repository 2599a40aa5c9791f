import { Sequelize, DataTypes, Model, InferAttributes, InferCreationAttributes, CreationOptional } from 'sequelize';

export const sequelize = new Sequelize(process.env.DATABASE_URL!, {
  dialect: 'postgres',
  logging: false,
  pool: {
    max: 80,
    min: 4,
    idle: 10_000,
    acquire: 30_000,
  },
});

export class MirroredPost extends Model<InferAttributes<MirroredPost>, InferCreationAttributes<MirroredPost>> {
  declare id: CreationOptional<number>;
  declare channelId: string;
  declare messageId: number;
  declare text: string;
  declare mediaKind: string | null;
  declare postedAt: Date;
}

MirroredPost.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    channelId: { type: DataTypes.STRING(32), allowNull: false },
    messageId: { type: DataTypes.INTEGER, allowNull: false },
    text: { type: DataTypes.TEXT, allowNull: false, defaultValue: '' },
    mediaKind: { type: DataTypes.STRING(16), allowNull: true },
    postedAt: { type: DataTypes.DATE, allowNull: false },
  },
  {
    sequelize,
    tableName: 'mirrored_posts',
    indexes: [{ unique: true, fields: ['channel_id', 'message_id'] }],
    underscored: true,
  },
);
