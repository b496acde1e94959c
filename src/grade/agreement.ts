import type { PartGrade, PartVerdict, ReviewReason, SubmissionGrade } from '../model/grade.js';
import type { LabelledSubmission, PartLabel } from '../documents/labels.js';

/** One part graded by partcredit and by a person. */
export interface AgreementRow {
  submission: string;
  part: string;
  ours: PartVerdict;
  theirs: PartLabel['verdict'];
  oursAnswer: string;
  theirsAnswer: string | null;
  /** partcredit's confidence in its verdict (0..1), when it gave one. */
  confidence?: number;
  /** For `needs-review`: the verdict grading held back (the one it would have given). */
  held?: PartVerdict;
  /** For `needs-review`: which signal sent it there. */
  review?: ReviewReason;
  evidence?: string;
}

/** Agreement over a set of rows: exact verdicts, right-vs-wrong, and verdicts the person reverses. */
export interface AgreementFigures {
  parts: number;
  exact: number;
  rightWrong: number;
  /** Ours `correct` where the person says not, or ours `incorrect` / `missing` where the person says `correct`. */
  confidentlyWrong: number;
  needsReview: number;
}

/** What `partcredit agreement` reports: figures overall, per part and per submission, the confusion table, the disagreements. */
export interface AgreementReport {
  overall: AgreementFigures;
  byPart: Map<string, AgreementFigures>;
  bySubmission: Map<string, AgreementFigures>;
  /** confusion.get(theirs).get(ours) = count */
  confusion: Map<string, Map<string, number>>;
  rows: AgreementRow[];
  disagreements: AgreementRow[];
}

/** The verdict of the attempt a label judges: the first answer's, or the final one's. */
function verdictFor(p: PartGrade, attempt: 'first' | 'final'): { verdict: PartVerdict; answer: string; confidence?: number; held?: PartVerdict; review?: ReviewReason } {
  // The first answer's own confidence: the final's says nothing of how sure the first verdict is.
  if (attempt === 'first' && p.first) return { verdict: p.first.verdict, answer: p.first.answer, ...(p.firstConfidence ? { confidence: p.firstConfidence.overall } : {}) };
  const held = p.verdict === 'needs-review' ? p.candidates?.[0]?.verdict : undefined;
  return { verdict: p.verdict, answer: p.answer, ...(p.confidence ? { confidence: p.confidence.overall } : {}), ...(held ? { held } : {}), ...(p.review ? { review: p.review } : {}) };
}

/** Rows for one labelled submission, limited to `include`d part ids (e.g. the key's non-text parts). */
export function agreementRows(grade: SubmissionGrade, labels: LabelledSubmission, include: (id: string) => boolean): AgreementRow[] {
  const rows: AgreementRow[] = [];
  for (const [id, label] of labels.parts) {
    if (!include(id)) continue;
    const p = grade.parts.find((x) => x.id === id);
    if (!p) continue;
    const ours = verdictFor(p, labels.attempt);
    rows.push({
      submission: labels.name,
      part: id,
      ours: ours.verdict,
      theirs: label.verdict,
      oursAnswer: ours.answer,
      theirsAnswer: label.answer,
      ...(ours.confidence !== undefined ? { confidence: ours.confidence } : {}),
      ...(ours.held ? { held: ours.held } : {}),
      ...(ours.review ? { review: ours.review } : {}),
      ...(label.evidence ? { evidence: label.evidence } : {}),
    });
  }
  return rows;
}

/** Whether partcredit's verdict and the person's agree on right vs wrong (needs-review, neither right nor wrong, never agrees). */
export function agreesRightWrong(r: AgreementRow): boolean {
  return r.ours !== 'needs-review' && (r.ours === 'correct') === (r.theirs === 'correct');
}

/** Whether partcredit's decided verdict is one the person reverses. */
export function confidentlyWrong(r: AgreementRow): boolean {
  return (r.ours === 'correct' && r.theirs !== 'correct') || ((r.ours === 'incorrect' || r.ours === 'missing') && r.theirs === 'correct');
}

function figures(rows: AgreementRow[]): AgreementFigures {
  return {
    parts: rows.length,
    exact: rows.filter((r) => r.ours === r.theirs).length,
    rightWrong: rows.filter(agreesRightWrong).length,
    confidentlyWrong: rows.filter(confidentlyWrong).length,
    needsReview: rows.filter((r) => r.ours === 'needs-review').length,
  };
}

/** What sending parts to review cost and bought: parts the person calls correct sent to review, and verdicts held back that the person reverses. */
export interface ReviewFigures {
  parts: number;
  review: number;
  /** Sent to review though the person says correct (a cost: a person reads a right answer). */
  rightSent: number;
  /** Sent to review where the verdict held back is one the person reverses (a confidently wrong verdict caught). */
  caught: number;
}

/** The review signal's figures over a set of rows. */
export function reviewFigures(rows: AgreementRow[]): ReviewFigures {
  const review = rows.filter((r) => r.ours === 'needs-review');
  return {
    parts: rows.length,
    review: review.length,
    rightSent: review.filter((r) => r.theirs === 'correct').length,
    caught: review.filter((r) => r.held && confidentlyWrong({ ...r, ours: r.held })).length,
  };
}

/** The review signal's figures for each reason that sent parts to review (a part with no recorded reason counts as low confidence). */
export function reviewFiguresByReason(rows: AgreementRow[]): Map<ReviewReason, ReviewFigures> {
  const out = new Map<ReviewReason, ReviewFigures>();
  for (const reason of ['conflicting-answers', 'doubtful-alignment', 'shared-reply', 'low-confidence'] as const) {
    const own = rows.filter((r) => r.ours !== 'needs-review' || (r.review ?? 'low-confidence') === reason);
    out.set(reason, reviewFigures(own));
  }
  return out;
}

function groupBy(rows: AgreementRow[], by: (r: AgreementRow) => string): Map<string, AgreementFigures> {
  const groups = new Map<string, AgreementRow[]>();
  for (const r of rows) groups.set(by(r), [...(groups.get(by(r)) ?? []), r]);
  return new Map([...groups].map(([k, v]) => [k, figures(v)]));
}

/** Agreement of partcredit's verdicts with a person's over all rows. */
export function agreementReport(rows: AgreementRow[]): AgreementReport {
  const confusion = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const line = confusion.get(r.theirs) ?? new Map<string, number>();
    line.set(r.ours, (line.get(r.ours) ?? 0) + 1);
    confusion.set(r.theirs, line);
  }
  return {
    overall: figures(rows),
    byPart: groupBy(rows, (r) => r.part),
    bySubmission: groupBy(rows, (r) => r.submission),
    confusion,
    rows,
    disagreements: rows.filter((r) => r.ours !== r.theirs),
  };
}

/** `47/50 = 94.0%` */
export function percent(n: number, of: number): string {
  return `${n}/${of} = ${of ? ((100 * n) / of).toFixed(1) : '0.0'}%`;
}
