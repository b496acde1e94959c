import type { Key, KeyPart } from '../model/key.js';
import type { ProblemSet } from '../model/problem-set.js';
import type { PartResponse } from '../model/submission.js';
import type { PartVerdict } from '../model/grade.js';
import { gradePart } from '../grade/grade.js';
import { judgePart, type JudgeAsk } from '../grade/judge.js';
import type { PartGrade } from '../model/grade.js';
import { segmentTranscript } from '../documents/segment.js';
import { outlineOf } from '../documents/submission.js';
import type { ChatMessage, Completion } from './providers.js';

/** How the set is given to a model. */
export type PromptMode = 'whole' | 'question' | 'part';

/** One model's result on one part: solved at once, after hint k, not solved, or for a person to review. */
export interface PartOutcome {
  partId: string;
  outcome: 'one-shot' | 'hint' | 'not-solved' | 'needs-review';
  /** How many hints it took (1 = the "check it" prompt); null when not solved. */
  hintsUsed: number | null;
  verdict: PartVerdict;
  firstVerdict: PartVerdict;
  /** The first answer (before any hint): the one the key marked wrong when a hint was needed. */
  firstAnswer: string;
  answer: string;
  category?: string;
  feedback: string;
  /** The whole conversation for this part, as sent and received. */
  messages: ChatMessage[];
  inputTokens: number;
  outputTokens: number;
  ms: number;
}

/** Sends a conversation to the model (through the cache and the scheduler). `step` names the request in the audit trail. */
export type Ask = (messages: ChatMessage[], partId: string, step: number) => Promise<Completion & { ms: number }>;

const INSTRUCTIONS = 'Solve each part. Start each part with its label, like (a), (b); put each final answer in \\boxed{}, written in LaTeX.';

/** The statement of a question and its parts, as a model will read it. */
function questionText(set: ProblemSet, number: string, only?: string): string {
  const q = set.questions.find((x) => x.number === number);
  if (!q) return `Question ${number}`;
  const lines = [`Question ${q.number}${q.title ? `: ${q.title}` : ''}`, q.text];
  for (const p of q.parts) {
    const inPart = (id: string) => !only || id === only || only.startsWith(`${id}.`) || id.startsWith(`${only}.`);
    if (!inPart(p.id) && !p.parts.some((s) => inPart(s.id))) continue;
    lines.push(`${p.label} ${p.title ? `${p.title}. ` : ''}${p.text}`);
    for (const s of p.parts) if (inPart(s.id)) lines.push(`${s.label} ${s.text}`);
  }
  const text = lines.filter(Boolean).join('\n\n');
  // A figure the text mentions but the problem set does not include: say so rather than let a
  // model guess what it shows. Figures the set does include are sent as images (run/figures.ts).
  return /\bfigure\b|\bimage below\b/i.test(text) && !/!\[|<img\s/i.test(text) ? `${text}\n\n(Note: a figure this question refers to is not included.)` : text;
}

/** The conversations a run opens: one for the set, one per question, or one per part. */
export function promptGroups(key: Key, set: ProblemSet, mode: PromptMode): { prompt: string; parts: KeyPart[] }[] {
  const questions = [...new Set(key.parts.map((p) => p.id.split('.')[0]!))];
  if (mode === 'whole') {
    return [{ prompt: `${questions.map((q) => questionText(set, q)).join('\n\n')}\n\n${INSTRUCTIONS}`, parts: key.parts }];
  }
  if (mode === 'question') {
    return questions.map((q) => ({ prompt: `${questionText(set, q)}\n\n${INSTRUCTIONS}`, parts: key.parts.filter((p) => p.id.split('.')[0] === q) }));
  }
  return key.parts.map((p) => ({ prompt: `${questionText(set, p.id.split('.')[0]!, p.id)}\n\nAnswer part ${p.id} only. Put the final answer in \\boxed{}, written in LaTeX.`, parts: [p] }));
}

/** How a hint prompt names a part: `(c)`, `3(d)(ii)`. */
function partLabel(id: string): string {
  const [q, ...rest] = id.split('.');
  return rest.length ? `${q}${rest.map((r) => `(${r})`).join('')}` : `question ${q}`;
}

/** The hint ladder for a part: "not right, check it", the key's hints in order, the worked solution. */
export function hintLadder(part: KeyPart): string[] {
  const label = partLabel(part.id);
  return [
    `Your answer to ${label} is not right. Check it, and give your final answer to ${label} in \\boxed{}.`,
    ...part.hints.map((h) => `A hint for ${label}: ${h} Give your final answer to ${label} in \\boxed{}.`),
    ...(part.solution ? [`Here is a worked solution to ${label}:\n\n${part.solution}\n\nGive the final answer to ${label} in \\boxed{}.`] : []),
  ];
}

function responseOf(partId: string, text: string): PartResponse {
  const attempt = { text };
  return { partId, label: partId, first: attempt, final: attempt, attempts: [attempt], alignedBy: 'order' };
}

/**
 * Runs one model on a problem set with the protocol people use by hand: the set (or a question,
 * or a part) in one message; each part graded; then, for each part graded wrong, the hint ladder
 * in the same conversation until it is solved or the ladder ends.
 */
export async function runProtocol(key: Key, set: ProblemSet, mode: PromptMode, ask: Ask, options: { hints: boolean; judge?: JudgeAsk } = { hints: true }): Promise<PartOutcome[]> {
  const outline = outlineOf(key, set);
  // Free-text parts go to the judge (when there is one) with the question and the answer as data.
  const grade = async (part: KeyPart, response: PartResponse | undefined): Promise<PartGrade> => {
    const g = gradePart(part, response, key);
    const rubric = part.answers[0]?.spec.type === 'text' ? (part.answers[0].spec.rubric ?? []) : [];
    if (g.verdict !== 'needs-review' || !options.judge || !response || !rubric.length) return g;
    return judgePart(g, rubric, questionText(set, part.id.split('.')[0]!, part.id), response.final.text, options.judge);
  };
  const groups = promptGroups(key, set, mode);
  const results = await Promise.all(
    groups.map(async (group) => {
      const conversation: ChatMessage[] = [{ role: 'user', content: group.prompt }];
      const tokens = { input: 0, output: 0, ms: 0 };
      const first = await ask(conversation, group.parts.length === 1 ? group.parts[0]!.id : `group:${group.parts[0]!.id}`, 0);
      tokens.input += first.inputTokens;
      tokens.output += first.outputTokens;
      tokens.ms += first.ms;
      conversation.push({ role: 'assistant', content: first.text });
      const responses = new Map<string, PartResponse>();
      if (group.parts.length === 1) responses.set(group.parts[0]!.id, responseOf(group.parts[0]!.id, first.text));
      else
        for (const r of segmentTranscript(
          [
            { role: 'user', text: group.prompt },
            { role: 'assistant', text: first.text },
          ],
          outline,
        ))
          responses.set(r.partId, r);
      const outcomes: PartOutcome[] = [];
      for (const part of group.parts) {
        const start = conversation.length;
        const initial = await grade(part, responses.get(part.id));
        let current = initial;
        let hintsUsed: number | null = current.verdict === 'correct' ? 0 : null;
        if (current.verdict !== 'correct' && current.verdict !== 'needs-review' && options.hints && part.graded) {
          const ladder = hintLadder(part);
          for (let k = 0; k < ladder.length; k++) {
            conversation.push({ role: 'user', content: ladder[k]! });
            const reply = await ask([...conversation], part.id, k + 1);
            tokens.input += reply.inputTokens;
            tokens.output += reply.outputTokens;
            tokens.ms += reply.ms;
            conversation.push({ role: 'assistant', content: reply.text });
            current = await grade(part, responseOf(part.id, reply.text));
            if (current.verdict === 'correct') {
              hintsUsed = k + 1;
              break;
            }
          }
        }
        outcomes.push({
          partId: part.id,
          outcome: current.verdict === 'needs-review' ? 'needs-review' : hintsUsed === 0 ? 'one-shot' : hintsUsed !== null ? 'hint' : 'not-solved',
          hintsUsed,
          verdict: current.verdict,
          firstVerdict: initial.verdict,
          firstAnswer: initial.answer,
          answer: current.answer,
          ...(current.category ? { category: current.category } : {}),
          feedback: current.feedback,
          // The part's share of the conversation: the opening exchange and its own follow-ups.
          messages: [...conversation.slice(0, 2), ...conversation.slice(Math.max(2, start))],
          inputTokens: tokens.input,
          outputTokens: tokens.output,
          ms: tokens.ms,
        });
        // Tokens and time are counted once, on the first part of a shared conversation.
        tokens.input = tokens.output = tokens.ms = 0;
      }
      return outcomes;
    }),
  );
  return results.flat();
}
