import { Sequelize } from 'sequelize';

// Each process (web, worker, scripts) calls this once from its entry point.
export function createSequelize(role: 'web' | 'worker' | 'script', poolMax = 10): Sequelize {
  return new Sequelize(process.env.DATABASE_URL ?? 'postgres://thumbs@localhost:5432/thumbs', {
    dialect: 'postgres',
    logging: false,
    pool: { max: poolMax, min: 0, idle: 10_000, acquire: 30_000 },
    dialectOptions: { application_name: `thumbnailer-${role}` },
  });
}
