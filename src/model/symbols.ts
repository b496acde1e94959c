import { z } from 'zod';

/**
 * What a key says about one symbol: the assumptions that bound the values equivalence is
 * tested on (KEY-FORMAT.md, "Symbols").
 */
export const SymbolAssumptionsSchema = z
  .object({
    positive: z.boolean().optional(),
    nonnegative: z.boolean().optional(),
    nonzero: z.boolean().optional(),
    integer: z.boolean().optional(),
    /** Bounds: a number, or another symbol's name (`max: k` for an index that runs to k). */
    min: z.union([z.number(), z.string()]).optional(),
    max: z.union([z.number(), z.string()]).optional(),
    /** Another symbol this one is (much) larger than, e.g. `d_out` greater than `d_in`. */
    greater: z.string().optional(),
    /** The symbol stands for a vector of these components (momentum's `v = [v_1, v_2]`). */
    vector: z.array(z.string()).optional(),
    /** The symbol names a function: `f(x)` is an application, not `f·x`. */
    function: z.boolean().optional(),
    /**
     * The symbol is a matrix: `[rows, cols]` (each a number or a scalar symbol's name), or `true`
     * for a matrix of unstated size. Products of matrices do not commute; `^T` transposes.
     */
    matrix: z.union([z.literal(true), z.tuple([z.union([z.string(), z.number()]), z.union([z.string(), z.number()])])]).optional(),
    /** The symbol has indexed entries with this many indices: `x_{i+h-1, j+l-1}` is one entry of `x`. */
    indexed: z.number().int().min(1).max(4).optional(),
  })
  .strict();

export type SymbolAssumptions = z.infer<typeof SymbolAssumptionsSchema>;

/** Declared symbols by canonical name (`d_in`, `sigma_x`), each with its assumptions. */
export const SymbolTableSchema = z.record(z.string(), SymbolAssumptionsSchema.nullable());

export type SymbolTable = Record<string, SymbolAssumptions>;
