import postgres from 'postgres';

export const sql = postgres(process.env.DATABASE_URL ?? 'postgres://notes@localhost:5432/notes', {
  max: 10,
  idle_timeout: 30,
  connect_timeout: 10,
  transform: postgres.camel,
});

export interface Note {
  id: number;
  ownerId: number;
  title: string;
  body: string;
  version: number;
  updatedAt: Date;
}
