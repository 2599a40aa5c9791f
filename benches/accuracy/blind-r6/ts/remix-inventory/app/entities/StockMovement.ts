import { Column, CreateDateColumn, Entity, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Item } from "./Item";

@Entity({ name: "stock_movements" })
export class StockMovement {
  @PrimaryGeneratedColumn()
  id!: number;

  @ManyToOne(() => Item, (i) => i.movements, { onDelete: "CASCADE" })
  item!: Item;

  @Column({ type: "int" })
  delta!: number;

  @Column()
  reason!: string;

  @CreateDateColumn({ name: "created_at" })
  createdAt!: Date;
}
