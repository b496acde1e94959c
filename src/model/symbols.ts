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
    min: z.number().optional(),
    max: z.number().optional(),
    /** Another symbol this one is (much) larger than, e.g. `d_out` greater than `d_in`. */
    greater: z.string().optional(),
    /** The symbol stands for a vector of these components (momentum's `v = [v_1, v_2]`). */
    vector: z.array(z.string()).optional(),
    /** The symbol names a function: `f(x)` is an application, not `f·x`. */
    function: z.boolean().optional(),
  })
  .strict();

export type SymbolAssumptions = z.infer<typeof SymbolAssumptionsSchema>;

/** Declared symbols by canonical name (`d_in`, `sigma_x`), each with its assumptions. */
export const SymbolTableSchema = z.record(z.string(), SymbolAssumptionsSchema.nullable());

export type SymbolTable = Record<string, SymbolAssumptions>;
