import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'invoices' })
export class Invoice {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column()
  customerId!: string;

  @Column('int')
  amountCents!: number;

  @Column({ default: 'open' })
  status!: 'open' | 'paid' | 'void';

  @CreateDateColumn()
  createdAt!: Date;
}
