import type { SubmissionGrade } from '../model/grade.js';

/** The JSON of `partcredit grade --format json`, one object per submission. */
export function gradeJson(g: SubmissionGrade): object {
  return {
    submission: g.submission,
    parts: g.parts.map((p) => ({
      id: p.id,
      verdict: p.verdict,
      score: round(p.score),
      points: p.points,
      maxPoints: p.maxPoints,
      ...(p.category ? { category: p.category } : {}),
      answer: p.answer,
      expected: p.expected,
      feedback: p.feedback,
      ...(p.first ? { first: p.first } : {}),
      ...(p.graded ? {} : { graded: false }),
    })),
    total: g.total,
    max: g.max,
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
