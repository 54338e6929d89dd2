export { collections } from 'throughline/content';
