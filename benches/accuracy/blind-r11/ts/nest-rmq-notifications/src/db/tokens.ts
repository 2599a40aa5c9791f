export const PG_POOL = Symbol('PG_POOL');
export const MONGO = Symbol('MONGO');
