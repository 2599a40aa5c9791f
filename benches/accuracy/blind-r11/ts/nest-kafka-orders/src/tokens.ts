export const AUDIT_DB = Symbol('AUDIT_DB');
