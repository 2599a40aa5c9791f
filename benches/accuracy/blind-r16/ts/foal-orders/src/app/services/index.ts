export { Database } from './database.service';
export { Cache } from './cache.service';
