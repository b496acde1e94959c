import { z } from 'zod';

/** The answer types of KEY-FORMAT.md. `update` is the update-rule form (`v \leftarrow ...`). */
export const ANSWER_TYPES = ['number', 'expression', 'equation', 'relation', 'matrix', 'vector', 'tuple', 'shape', 'set', 'interval', 'piecewise', 'choice', 'text', 'table', 'update'] as const;

export type AnswerType = (typeof ANSWER_TYPES)[number];

export const ToleranceSchema = z
  .object({
    rel: z.number().nonnegative().optional(),
    abs: z.number().nonnegative().optional(),
  })
  .strict();

/** How close a number must be: relative and/or absolute. */
export type Tolerance = z.infer<typeof ToleranceSchema>;

const DomainVariableSchema = z
  .object({
    integer: z.boolean().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
  })
  .strict();

/**
 * The options an answer spec may carry beside its value (KEY-FORMAT.md, "Answer types").
 * Every field is optional; each answer type reads the ones that concern it.
 */
export const AnswerOptionsSchema = z
  .object({
    tolerance: ToleranceSchema.optional(),
    sigfigs: z.number().int().positive().optional(),
    boundary: z.boolean().optional(),
    orientation: z.enum(['any', 'row', 'column']).optional(),
    domain: z.record(z.string(), DomainVariableSchema).optional(),
    options: z.array(z.string()).optional(),
    wrong: z.array(z.string()).optional(),
    columns: z.array(z.string()).optional(),
    column_types: z.record(z.string(), z.enum(ANSWER_TYPES)).optional(),
    rubric: z.array(z.string()).optional(),
  })
  .passthrough();

export type AnswerOptions = z.infer<typeof AnswerOptionsSchema>;

/**
 * One expected answer, normalized: its value as written (LaTeX or plain text), its type
 * (inferred when the key gave a bare string) and its options.
 */
export interface AnswerSpec extends AnswerOptions {
  /** The expected value as written in the key. Absent for `choice` and `text`, which use options/rubric. */
  value?: string;
  /** The type, or undefined to infer it from `value`. */
  type?: AnswerType;
  /** A table's rows: row label to cells, in column order. */
  rows?: Record<string, string[]>;
}
