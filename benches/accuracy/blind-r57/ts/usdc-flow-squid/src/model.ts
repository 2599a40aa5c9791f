import {Entity, Column, PrimaryColumn, Index} from 'typeorm'

const bigintTransformer = {
    to: (value: bigint | undefined | null) => (value == null ? value : value.toString()),
    from: (value: string | undefined | null) => (value == null ? value : BigInt(value)),
}

@Entity()
export class Transfer {
    constructor(props?: Partial<Transfer>) {
        Object.assign(this, props)
    }

    @PrimaryColumn()
    id!: string

    @Index()
    @Column('int4', {nullable: false})
    blockNumber!: number

    @Index()
    @Column('timestamp with time zone', {nullable: false})
    timestamp!: Date

    @Index()
    @Column('text', {nullable: false})
    from!: string

    @Index()
    @Column('text', {nullable: false})
    to!: string

    @Column('numeric', {transformer: bigintTransformer, nullable: false})
    value!: bigint

    @Index()
    @Column('text', {nullable: false})
    txHash!: string
}

@Entity()
export class Account {
    constructor(props?: Partial<Account>) {
        Object.assign(this, props)
    }

    @PrimaryColumn()
    id!: string

    @Column('numeric', {transformer: bigintTransformer, nullable: false})
    balance!: bigint

    @Column('int4', {nullable: false})
    transferCount!: number

    @Column('timestamp with time zone', {nullable: true})
    lastSeen!: Date | undefined | null
}
