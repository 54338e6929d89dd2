// The example team's collections, exactly as a team's own repository declares them.
export { collections } from 'throughline/content';
