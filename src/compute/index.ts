/** The deep-learning calculator behind computed keys: exact where the inputs are rational. */
export * from './tensor.js';
export * from './conv.js';
export * from './pool.js';
export * from './norm.js';
export * from './attention.js';
export * from './optim.js';
export * from './rnn.js';
export * from './layers.js';
export { compute, computeVariants, parseCall, readData, latexOf, COMPUTE_FUNCTIONS, type Computed, type Call } from './expression.js';
