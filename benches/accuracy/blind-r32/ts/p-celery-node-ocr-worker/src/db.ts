import { DataTypes, Model, Sequelize } from "sequelize";

export const sequelize = new Sequelize(process.env.DATABASE_URL ?? "postgres://ocr@localhost/documents", {
  dialect: "postgres",
  logging: false,
  pool: { max: 5, min: 0, idle: 10_000 },
});

export class Document extends Model {
  declare id: number;
  declare status: string;
  declare vendor: string | null;
  declare totalCents: number | null;
}
Document.init(
  {
    id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
    status: { type: DataTypes.STRING, allowNull: false },
    vendor: DataTypes.STRING,
    totalCents: { type: DataTypes.INTEGER, field: "total_cents" },
  },
  { sequelize, tableName: "documents", underscored: true },
);

export class DocumentField extends Model {}
DocumentField.init(
  {
    documentId: { type: DataTypes.INTEGER, field: "document_id" },
    name: DataTypes.STRING,
    value: DataTypes.TEXT,
    confidence: DataTypes.FLOAT,
  },
  { sequelize, tableName: "document_fields", underscored: true, timestamps: false },
);
