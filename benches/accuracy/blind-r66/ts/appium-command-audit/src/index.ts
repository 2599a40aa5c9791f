export { CommandAuditPlugin } from './plugin';
