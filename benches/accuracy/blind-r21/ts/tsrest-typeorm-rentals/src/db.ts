import "reflect-metadata";
import { Column, CreateDateColumn, DataSource, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

@Entity({ name: "bookings" })
@Index(["unitId", "checkIn"])
export class Booking {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "unit_id" })
  unitId: string;

  @Column({ name: "guest_email" })
  guestEmail: string;

  @Column({ name: "check_in", type: "date" })
  checkIn: string;

  @Column({ name: "check_out", type: "date" })
  checkOut: string;

  @Column({ type: "varchar", length: 16, default: "held" })
  status: "held" | "confirmed" | "cancelled";

  @CreateDateColumn({ name: "created_at" })
  createdAt: Date;
}

export const AppDataSource = new DataSource({
  type: "postgres",
  url: process.env.DATABASE_URL,
  entities: [Booking],
  subscribers: [__dirname + "/search-sync.{ts,js}"],
  synchronize: false,
  logging: ["error"],
  extra: { max: 15 },
});
