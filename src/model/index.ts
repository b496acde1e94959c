export * from './answer-spec.js';
export * from './symbols.js';
export * from './verdict.js';
export * from './errors.js';
