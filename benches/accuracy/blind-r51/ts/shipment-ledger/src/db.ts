import { Sequelize } from 'sequelize';

export const sequelize = new Sequelize(process.env.LEDGER_DATABASE_URL as string, {
  dialect: 'postgres',
  logging: false,
  pool: { max: 10, min: 0, idle: 10_000 },
});
