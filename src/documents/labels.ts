import { parseDocument } from 'yaml';
import { z } from 'zod';
import { UserError } from '../model/errors.js';
import { canonicalPartId } from './part-ids.js';

/** A person's verdict on one part (the development set's labels format). */
export interface PartLabel {
  verdict: 'correct' | 'partial' | 'incorrect' | 'missing';
  category?: string;
  /** The answer the person read, as LaTeX; null when the submission gave none. */
  answer: string | null;
  evidence?: string;
}

/** A person's verdicts on one submission, for its first or its final answers. */
export interface LabelledSubmission {
  name: string;
  /** The submission file as the labels name it (relative to the labels file or a folder above it). */
  source?: string;
  /** Which answer of each part was judged: the first, or the final one after follow-ups. */
  attempt: 'first' | 'final';
  parts: Map<string, PartLabel>;
}

/** A labels file: the key it was judged against and the verdicts per submission. */
export interface LabelSet {
  key?: string;
  file?: string;
  submissions: LabelledSubmission[];
}

const PartLabelSchema = z
  .object({
    verdict: z.enum(['correct', 'partial', 'incorrect', 'missing']),
    category: z.string().optional(),
    answer: z.string().nullable().optional(),
    evidence: z.string().optional(),
  })
  .loose();

const LabelsSchema = z
  .object({
    key: z.string().optional(),
    submissions: z.record(
      z.string(),
      z.object({ source: z.string().optional(), answers: z.string().optional(), attempt: z.enum(['first', 'final']).optional(), parts: z.record(z.string(), PartLabelSchema) }).loose(),
    ),
  })
  .loose();

/**
 * Which attempt a labelled submission judges: `attempt:` when given; else its description
 * ("first answer to each part", "last answer ... after the follow-ups") or a `-final` name;
 * a write-up's only answer is its final one.
 */
function attemptOf(name: string, s: { attempt?: 'first' | 'final'; answers?: string }): 'first' | 'final' {
  if (s.attempt) return s.attempt;
  if (/[-_]final$/i.test(name) || /^\s*(?:the\s+)?(?:last|final)\b/i.test(s.answers ?? '')) return 'final';
  if (/^\s*(?:the\s+)?first\b/i.test(s.answers ?? '')) return 'first';
  return 'final';
}

/** Reads a labels file (`*.labels.yaml`); a malformed one is a UserError naming the field. */
export function readLabels(text: string, file?: string): LabelSet {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length) throw new UserError(`not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}`, file);
  const parsed = LabelsSchema.safeParse(doc.toJS({ maxAliasCount: 100 }));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UserError(`${issue.path.join('.') || 'labels'}: ${issue.message}`, file);
  }
  const submissions: LabelledSubmission[] = Object.entries(parsed.data.submissions).map(([name, s]) => {
    const parts = new Map<string, PartLabel>();
    for (const [raw, p] of Object.entries(s.parts)) {
      const id = canonicalPartId(raw);
      if (!id) throw new UserError(`submissions.${name}.parts: "${raw}" is not a part id`, file);
      parts.set(id, { verdict: p.verdict, ...(p.category ? { category: p.category } : {}), answer: p.answer ?? null, ...(p.evidence ? { evidence: p.evidence } : {}) });
    }
    return { name, ...(s.source ? { source: s.source } : {}), attempt: attemptOf(name, s), parts };
  });
  return { ...(parsed.data.key ? { key: parsed.data.key } : {}), ...(file ? { file } : {}), submissions };
}
