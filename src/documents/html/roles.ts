/**
 * Whose turn an element of a saved chat page is, from the markup chat apps and exporters give
 * their messages: ChatGPT's `data-message-author-role`, Claude's `data-testid="user-message"` and
 * `font-claude-response`, Gemini's `<user-query>` / `<model-response>`, and the `data-role` or
 * class names (`user-message`, `assistant`) exporters use. Class names a homework page might use
 * for its own content (`question`, `answer`, `response`) are no cue.
 */
import type { Element } from 'domhandler';

export type Role = 'user' | 'assistant';

const USER_WORDS = /^(?:user|human|you|me|student|prompt)$/i;
const ASSISTANT_WORDS = /^(?:assistant|ai|bot|model|chatgpt|gpt[-\w.]*|claude|gemini|copilot|deepseek|kimi|qwen|grok|mistral|llama|perplexity)$/i;

const USER_CLASSES = /^(?:user|human)(?:[-_](?:message|msg|query|turn|bubble|prompt))?$|^(?:message|msg|turn|chat)[-_](?:user|human)$|^font-user-message$/i;
const ASSISTANT_CLASSES =
  /^(?:assistant|bot|ai|model|gpt|claude)(?:[-_](?:message|msg|response|reply|turn|bubble))?$|^(?:message|msg|turn|chat)[-_](?:assistant|bot|ai|model)$|^font-claude-(?:message|response)$/i;

/** The role an element marks, if it is a message's container. */
export function roleOf(el: Element): Role | undefined {
  if (el.name === 'user-query') return 'user';
  if (el.name === 'model-response') return 'assistant';
  const a = el.attribs;
  for (const value of [a['data-message-author-role'], a['data-role'], a['data-author'], a['data-sender'], a['data-author-role']]) {
    if (!value) continue;
    if (USER_WORDS.test(value)) return 'user';
    if (ASSISTANT_WORDS.test(value)) return 'assistant';
  }
  if (a['data-testid'] === 'user-message') return 'user';
  for (const c of (a.class ?? '').split(/\s+/)) {
    if (USER_CLASSES.test(c)) return 'user';
    if (ASSISTANT_CLASSES.test(c)) return 'assistant';
  }
  return undefined;
}
