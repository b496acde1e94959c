import type { PageTranscriber } from '../documents/read-file.js';
import type { Store } from '../store/db.js';
import { cachedAsk } from './model-run.js';
import { parseModelRef } from './providers.js';
import { Scheduler } from './scheduler.js';

/** What a vision model is asked for each page without a text layer. */
export const PAGE_PROMPT = [
  'Transcribe this page of a student submission (a homework write-up, a chat with an AI model, or handwriting) into Markdown.',
  'Write every formula in LaTeX between $...$ (inline) or $$...$$ (display); keep the numbering of questions and parts ((a), 1.b, ...) as written.',
  'Keep the order of the page. Transcribe only; do not solve, correct or comment. Write [illegible] for what cannot be read.',
].join(' ');

/**
 * Reads page images with a vision model of `run`'s providers, through the store's request
 * cache: the request covers the page image, so a page is paid for once (cached by its hash).
 */
export function pageTranscriber(store: Store, model: string, env?: NodeJS.ProcessEnv): PageTranscriber {
  const ref = parseModelRef(model);
  ref.vision = true;
  const ask = cachedAsk(store, ref, { temperature: 0 }, new Scheduler({ concurrency: 2 }), 0, env);
  return {
    name: ref.label,
    async transcribe(page) {
      const reply = await ask([
        {
          role: 'user',
          content: [
            { type: 'text', text: PAGE_PROMPT },
            { type: 'image', mediaType: 'image/png', data: page.png.toString('base64') },
          ],
        },
      ]);
      // A model may wrap its whole answer in a Markdown fence.
      return reply.text.replace(/^```(?:markdown|md)?\s*\n([\s\S]*?)\n```\s*$/, '$1').trim();
    },
  };
}
