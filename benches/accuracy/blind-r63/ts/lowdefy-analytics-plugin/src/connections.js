export { default as Analytics } from './connections/Analytics/Analytics.js';
