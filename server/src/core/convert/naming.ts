// Names: the conventions live in knowledge/naming.ts (shared with the hovers); re-exported for the converter.
export { snakeCase, singular } from '../knowledge/naming';
