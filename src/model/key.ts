import { z } from 'zod';
import { ANSWER_TYPES, AnswerOptionsSchema, ToleranceSchema, type AnswerSpec } from './answer-spec.js';
import { SymbolAssumptionsSchema, type SymbolTable } from './symbols.js';

/** An answer as a key writes it: a bare value (type inferred) or a mapping with a type and options. */
export const AnswerValueSchema = z.union([
  z.string(),
  z.number(),
  AnswerOptionsSchema.extend({
    type: z.enum(ANSWER_TYPES).optional(),
    value: z.union([z.string(), z.number()]).optional(),
    rows: z.record(z.string(), z.array(z.union([z.string(), z.number()]))).optional(),
  }).strict(),
]);
export type AnswerValue = z.infer<typeof AnswerValueSchema>;

/** One part of a key file (KEY-FORMAT.md, "A part"). */
export const KeyPartSchema = z
  .object({
    title: z.string().optional(),
    /** Symbols for this part alone, adding to and overriding the key's (KEY-FORMAT.md, "Symbols"). */
    symbols: z.record(z.string(), SymbolAssumptionsSchema.nullable()).optional(),
    points: z.number().nonnegative().optional(),
    graded: z.boolean().optional(),
    answer: AnswerValueSchema.optional(),
    answers: z.record(z.string(), AnswerValueSchema).optional(),
    accept: z.array(AnswerValueSchema).optional(),
    partial: z.array(z.object({ answer: AnswerValueSchema, credit: z.number().min(0).max(1), feedback: z.string().optional() }).strict()).optional(),
    conventions: z.array(z.object({ answer: AnswerValueSchema, label: z.string(), credit: z.number().min(0).max(1).optional() }).strict()).optional(),
    feedback: z.string().optional(),
    hints: z.array(z.string()).optional(),
    solution: z.string().optional(),
    compute: z.string().optional(),
    // A table, or options, may be written on the part itself.
    type: z.enum(ANSWER_TYPES).optional(),
    rows: z.record(z.string(), z.array(z.union([z.string(), z.number()]))).optional(),
    columns: z.array(z.string()).optional(),
    column_types: z.record(z.string(), z.enum(ANSWER_TYPES)).optional(),
    rubric: z.array(z.string()).optional(),
    options: z.array(z.string()).optional(),
    wrong: z.array(z.string()).optional(),
    tolerance: ToleranceSchema.optional(),
    sigfigs: z.number().int().positive().optional(),
    boundary: z.boolean().optional(),
    orientation: z.enum(['any', 'row', 'column']).optional(),
    domain: AnswerOptionsSchema.shape.domain,
  })
  .strict();

/** A key file, version 1 (KEY-FORMAT.md). */
export const KeyFileSchema = z
  .object({
    partcredit: z.literal(1, { error: 'must be 1 (the key format version)' }),
    title: z.string().optional(),
    problems: z.string().optional(),
    symbols: z.record(z.string(), SymbolAssumptionsSchema.nullable()).optional(),
    defaults: z.object({ points: z.number().nonnegative().optional(), tolerance: ToleranceSchema.optional() }).strict().optional(),
    data: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    params: z.record(z.string(), z.unknown()).optional(),
    parts: z.record(z.string(), KeyPartSchema.nullable()),
  })
  .strict();

export type KeyFile = z.infer<typeof KeyFileSchema>;

/** One answer of a part, named when the part has several (`answers:`). */
export interface NamedAnswer {
  name?: string;
  spec: AnswerSpec;
}

/** A part of a loaded key, normalized: ids canonical, answers as specs, defaults applied. */
export interface KeyPart {
  id: string;
  title?: string;
  points: number;
  graded: boolean;
  answers: NamedAnswer[];
  accept: AnswerSpec[];
  partial: { spec: AnswerSpec; credit: number; feedback?: string }[];
  /** Answers right under another convention; computed parts get these from the calculator too. */
  conventions: { spec: AnswerSpec; label: string; credit: number; category?: import('./verdict.js').MistakeCategory }[];
  feedback?: string;
  hints: string[];
  solution?: string;
  compute?: string;
  /** This part's own symbols (KEY-FORMAT.md), to lay over the key's `symbols` when checking it. */
  symbols?: SymbolTable;
  /** What `compute` gives, when the part also writes its answer (for `partcredit key check`). */
  computed?: AnswerSpec;
  /** 1-based line of the part in the key file. */
  line?: number;
}

/** A loaded key: what grading reads. */
export interface Key {
  title?: string;
  /** Named values of the question (`data:`), as written. */
  data?: Record<string, string | number>;
  problems?: string;
  symbols: SymbolTable;
  parts: KeyPart[];
  file?: string;
}
