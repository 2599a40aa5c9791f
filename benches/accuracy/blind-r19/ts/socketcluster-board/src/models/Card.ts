import { Model } from "objection";

export class Card extends Model {
  static tableName = "cards";

  id!: string;
  boardId!: string;
  columnId!: string;
  position!: number;
  title!: string;
  updatedAt!: string;

  $beforeUpdate(): void {
    this.updatedAt = new Date().toISOString();
  }
}

export class Column extends Model {
  static tableName = "columns";

  id!: string;
  boardId!: string;
  wipLimit!: number | null;
}
