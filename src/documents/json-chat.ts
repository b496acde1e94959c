import type { Message } from '../model/submission.js';
import { fieldKey, fieldsOf } from './field-names.js';
import { withoutLeadingMention } from './leading-mention.js';
import { oldestFirst } from './time-order.js';
import { loggedExchange } from './activity-log.js';
import { utf8ReadAsLatin1Repaired } from './text-encoding.js';
import { KNOWN_MODEL } from './speaker-names.js';
import { labelOfPartId, partIdOfName } from './part-ids.js';
import { isNonMessageActivity, protocolThread, threadAsChat, threadAsWriteup } from './protocol-events.js';

/**
 * A conversation in whatever JSON a chat app, an exporter or an API log keeps it. Apps agree on
 * the shape, not the names: somewhere in the file is a list of messages, each naming its speaker
 * (`role`, `sender`, `from`, `author`, `is_user` ...) and holding its text (`content`, `text`,
 * `value`, `mes`, `parts` ...), or a list of [person, reply] pairs, or a tree of messages linked
 * by parent and children whose shown branch is the conversation, or a list of exchanges each
 * holding its messages one level down (`{"humanMessage": {...}, "assistantMessage": {...}}`,
 * `{"message": {"role": ...}}`). The list may be nested in objects keyed by ids or accounts as deep
 * as it likes, or be such an object itself. The longest such list is the chat; a system prompt,
 * tool calls and results, and shown reasoning are no turn of it. A field is found in any spelling
 * (`From`, `IsSender`, `Media Type`: field-names.ts); the lists below spell them in snake_case.
 */
/** A JSON document's conversation, or why none was read (`shapeUnknown`: no record is shaped as a message at all, as against messages whose speakers are unknown). */
export type JsonChat = { messages: Message[] } | { problem: string; shapeUnknown?: true };

/** Who speaks: a person, a model, or the app's machinery (a system prompt, a tool), which is no turn. */
export type Speaker = 'user' | 'assistant' | 'skip';

const PERSON = /^(?:user|human|you|me|student|person|prompt|request|customer|input|query|question)$/i;
const MODEL = /^(?:assistant|model|ai|bot|gpt|chatbot|llm|agent|response|output|answer|reply|completion)$/i;
/** Speakers whose messages are the app's, not the conversation's. */
const MACHINERY = /^(?:system|developer|tool|tools|function|ipython|context|metadata|think|thinking|thought|reasoning|error)$/i;
/** Content blocks that are no words of the turn: reasoning, tool traffic, pictures. */
const NOT_WORDS = /think|thought|reason|^(?:tool|function|image|input_image|image_url|file|document|redacted)/i;

const SPEAKER_FLAGS: [string, Speaker, Speaker][] = [
  ['is_user', 'user', 'assistant'],
  ['is_human', 'user', 'assistant'],
  ['from_user', 'user', 'assistant'],
  ['is_bot', 'assistant', 'user'],
];
/**
 * Flags a message-app export sets on the messages of the one who exported it (`IsSender`,
 * iMessage's `is_from_me`, WhatsApp's `fromMe`, Telegram's `out`, TDLib's `is_outgoing`): the person's.
 * A message without the flag is the other side's, which in a chat with a model is the model.
 */
const OWN_FLAGS = ['is_sender', 'is_from_me', 'from_me', 'is_outgoing', 'outgoing', 'out', 'sent_by_me', 'is_mine', 'is_own'];
/** Fields naming a message's direction as a phone's messages do (Signal's `"type": "outgoing"`): outgoing is the exporter's own. */
const DIRECTION_FIELDS = ['direction', 'type'];
const OUTGOING = /^(?:outgoing|sent)$/i;
const INCOMING = /^(?:incoming|received)$/i;
/** The name given to the other side of a chat whose messages say only whether they are the exporter's. */
const OTHER_SIDE = 'the other side';
const SPEAKER_FIELDS = ['role', 'sender', 'from', 'author', 'speaker', 'who', 'participant', 'sender_name', 'creator', 'user', 'username', 'user_type', 'type', 'name'];
/** Fields naming a speaker by an id (`sender_id`, `author_id`): a person's is opaque (a uuid, a number), a model's often says which model it is. */
const ID_FIELDS = ['sender_id', 'author_id', 'user_id', 'from_id', 'account_id', 'participant_id', 'speaker_id', 'creator_id', 'member_id'];
/** Fields only a bot's messages carry (a Slack export's `bot_id`, Keybase's `bot_info`): the message is the bot's whatever name it goes by. */
const BOT_FIELDS = ['bot_id', 'bot_profile', 'bot_info'];
/** (`raw`: an eval tool's rendered prompt, promptfoo's `"prompt": {"raw": ..., "label": ...}` beside the `response` it got.) */
const TEXT_FIELDS = ['content', 'text', 'value', 'mes', 'message', 'parts', 'body', 'markdown', 'raw_content', 'response', 'output', 'data', 'fragments', 'steps', 'raw'];
/** Lists of a turn's versions (regenerations, swipes): one of them was shown. */
const VERSION_FIELDS = ['versions', 'candidates', 'alternatives', 'swipes'];
const SELECTED_FIELDS = ['currently_selected', 'current_version', 'selected', 'selected_index', 'swipe_id', 'primary_candidate_index'];
/** Lists of a message's edits, each stamped with when it was made (a side chat's `history`, newest first): the latest is what the chat shows. */
const EDIT_FIELDS = ['history', 'edits', 'edit_history', 'revisions'];

/** A token a front end puts in a pair's place that no one said (`<|BEGIN-VISIBLE-CHAT|>`). */
const PLACEHOLDER = /^<\|[^|<>]*\|>$/;
const HTML_ESCAPE = /&(?:#x?[0-9a-f]+|quot|amp|lt|gt|nbsp);/gi;

/** Whether a JSON value is an object (not an array, not null). */
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Who a speaker's word (a message's `role`, `sender`, `from` ...) names: a person, a model, the app's machinery; undefined for a name no rule knows. */
export function speakerOfWord(word: string): Speaker | undefined {
  if (PERSON.test(word)) return 'user';
  if (MODEL.test(word)) return 'assistant';
  if (MACHINERY.test(word) || NOT_WORDS.test(word)) return 'skip';
  return undefined;
}

/** Whether a message is the exporter's own by its flag or direction (OWN_FLAGS); undefined when it says nothing of it. */
function ownMessage(f: Record<string, unknown>): boolean | undefined {
  for (const flag of OWN_FLAGS) {
    const v = f[flag];
    if (typeof v === 'boolean') return v;
    // (iMessage's database keeps `is_from_me` as 0 or 1; a bare `out: 1` is as likely a count.)
    if ((v === 0 || v === 1) && flag.startsWith('is')) return v === 1;
  }
  for (const field of DIRECTION_FIELDS) {
    const v = f[field];
    if (typeof v === 'string' && OUTGOING.test(v)) return true;
    if (typeof v === 'string' && INCOMING.test(v)) return false;
  }
  return undefined;
}

/** The separators machine-made ids join their words with (`openai-gpt-4o-mini-8k`, `anthropic/claude-3-haiku`). */
const ID_WORDS = /[-_:/.@\s]+/;

/** The speaker an id field names: the model's when a word of the id is a model's name; else the id, a name no rule places yet. */
function idSpeaker(f: Record<string, unknown>): { speaker?: Speaker; name?: string } | undefined {
  for (const field of ID_FIELDS) {
    const v = f[field];
    if ((typeof v !== 'string' || !v.trim() || v.length > 80) && typeof v !== 'number') continue;
    const id = String(v).trim();
    return id.split(ID_WORDS).some((w) => KNOWN_MODEL.test(w)) ? { speaker: 'assistant' } : { name: id };
  }
  return undefined;
}

/**
 * The speaker a message names: a known word, the app's machinery, or an unknown name (a bot's); by a
 * flag saying it is the exporter's own, the person; else by an id (idSpeaker).
 */
function speakerName(o: Record<string, unknown>): { speaker?: Speaker; name?: string } {
  const f = fieldsOf(o);
  for (const [flag, yes, no] of SPEAKER_FLAGS) {
    const v = f[flag];
    if (typeof v === 'boolean') return { speaker: v ? yes : no };
  }
  const own = ownMessage(f);
  if (own) return { speaker: 'user' };
  if (BOT_FIELDS.some((field) => f[field])) return { speaker: 'assistant' };
  for (const field of SPEAKER_FIELDS) {
    const v = f[field];
    if (isObject(v)) {
      const inner = speakerName(v);
      if (inner.speaker || inner.name) return inner;
      continue;
    }
    if (typeof v !== 'string' || !v.trim() || v.length > 60) continue;
    const word = v.trim();
    const speaker = speakerOfWord(word);
    if (speaker) return { speaker };
    // (`type` names a block's kind as often as a speaker, `name` a person as often as a bot: an unknown word there is no speaker.)
    if (field !== 'type' && field !== 'name') return { name: word };
  }
  return idSpeaker(f) ?? (own === false ? { name: OTHER_SIDE } : {});
}

/** The version of a turn that was shown, when the turn keeps several. */
function shownVersion(o: Record<string, unknown>): Record<string, unknown> | undefined {
  const f = fieldsOf(o);
  for (const field of VERSION_FIELDS) {
    const list = f[field];
    if (!Array.isArray(list) || !list.length) continue;
    const index = SELECTED_FIELDS.map((s) => f[s]).find((x): x is number => typeof x === 'number' && x >= 0 && x < list.length);
    const chosen = list[index ?? list.length - 1];
    if (isObject(chosen)) return { ...o, ...chosen, [field]: undefined };
    if (typeof chosen === 'string') return { ...o, text: chosen, [field]: undefined };
  }
  return undefined;
}

/** The latest of a message's edits (EDIT_FIELDS), by their stamps; the last listed when they have none. */
function latestEdit(f: Record<string, unknown>): Record<string, unknown> | undefined {
  for (const field of EDIT_FIELDS) {
    const list = f[field];
    if (!Array.isArray(list) || !list.length || !list.every(isObject)) continue;
    return oldestFirst(list).at(-1) as Record<string, unknown>;
  }
  return undefined;
}

/**
 * The words of a message's content, whatever blocks hold them (a string, a list of blocks, `parts`,
 * `{"text": {"value": ...}}`, a turn's shown version); reasoning, tool traffic and pictures left out.
 * `separator` goes between blocks.
 */
export function contentWords(v: unknown, separator = '\n', depth = 0): string {
  if (typeof v === 'string') return v;
  if (depth > 6) return '';
  if (Array.isArray(v)) {
    // (Bare strings beside blocks are one line's runs of formatting, `["needs ", {"type": "bold", "text": "c = 1/√d"}, "."]`: joined as written.)
    const runs = v.some((x) => typeof x === 'string') && v.some(isObject);
    return v
      .map((x) => contentWords(x, separator, depth + 1))
      .filter(Boolean)
      .join(runs ? '' : separator);
  }
  if (!isObject(v)) return '';
  const f = fieldsOf(v);
  if (f.thought === true || f.is_thought === true) return '';
  for (const kind of [f.type, f.content_type]) if (typeof kind === 'string' && NOT_WORDS.test(kind)) return '';
  const version = shownVersion(v);
  if (version) return contentWords(version, separator, depth + 1);
  for (const field of TEXT_FIELDS) {
    const words = contentWords(f[field], separator, depth + 1);
    if (words.trim()) return words;
  }
  // (A message keeping its edits holds its words only in them: `{"sender_id": ..., "edits": [{"content": ..., "edited_at": ...}]}`.)
  const edit = latestEdit(f);
  return edit ? contentWords(edit, separator, depth + 1) : '';
}

interface Reading {
  messages: Message[];
  /** Speakers' names no rule placed. */
  unknown: Set<string>;
}

/**
 * Keys naming the role of the words they hold: `humanMessage`, `assistant_text`, `request` / `response`,
 * `prompt` / `completion`, `input` / `output`, and the sides of a call a tracing or batch tool records
 * (`inputs` / `outputs`, `request_body` / `response_body`, a batch's `result`).
 */
const HELD_BY_PERSON = /^(?:user|human|person|you|me|student|request|prompt|query|inputs?|message)$/i;
const HELD_BY_MODEL = /^(?:assistant|ai|bot|gpt|chatbot|llm|response|reply|outputs?|completion|result)$/i;
/** What such a key adds after the role it names (`humanMessage`, `user_text`, `bot_turn`, `response_body`); a key that is only the word (`message`) keeps it. */
const HELD_SUFFIX = /(?<=.)[_-]?(?:message|msg|text|turn|content|body)$/i;

/**
 * Envelopes a recorded call keeps a turn in, outermost first: an HTTP response's `body`, a batch's
 * `result` and `response`, a completion's `choices` and Gemini's `candidates` (the first is the one
 * returned), LangChain's `generations` and a serialised message's `kwargs`, a result's `message`.
 */
const ENVELOPE_FIELDS = ['body', 'result', 'response', 'choices', 'candidates', 'generations', 'message', 'kwargs', 'content'];
/** Lists a request sends its conversation in (`messages`, Gemini's `contents`): the history the app resent, then the call's new turn. */
const REQUEST_LIST_FIELDS = ['messages', 'contents'];

/**
 * The turn one side of a recorded call holds (a trace's `input` or `output`, a batch line's `response`):
 * a message naming its speaker, perhaps inside the API's envelopes (`body.choices[0].message`); of a
 * conversation sent with the request, its last message, the one this call asked (those before it
 * were asked and answered by earlier calls). Undefined when no message names its speaker.
 */
function recordedTurn(v: unknown, depth = 0): { speaker: Speaker; text: string } | undefined {
  if (depth > 8) return undefined;
  if (Array.isArray(v)) {
    for (let k = v.length - 1; k >= 0; k--) {
      const turn = recordedTurn(v[k], depth + 1);
      if (turn && turn.speaker !== 'skip') return turn;
    }
    return undefined;
  }
  if (!isObject(v)) return undefined;
  const speaker = speakerName(v).speaker;
  if (speaker) return { speaker, text: contentWords(v).trim() };
  const f = fieldsOf(v);
  for (const field of REQUEST_LIST_FIELDS) if (Array.isArray(f[field])) return recordedTurn(f[field], depth + 1);
  for (const field of ENVELOPE_FIELDS) {
    const inner = f[field];
    // (`generations: [[...]]`: LangChain's list of a list per prompt.)
    const first = Array.isArray(inner) ? (Array.isArray(inner[0]) ? inner[0][0] : inner[0]) : inner;
    if (typeof first === 'object' && first !== null) return recordedTurn(first, depth + 1);
  }
  return undefined;
}

/**
 * The words a traced function was called with or returned, where no message holds them: its
 * arguments (Langfuse's `{"args": [...], "kwargs": {...}}`) and named fields (`{"question": ...}`),
 * those that are words (a space in them), not ids or settings; a field of reasoning is none.
 */
function argumentWords(v: unknown): string {
  if (!isObject(v)) return '';
  const f = fieldsOf(v);
  const named = (o: unknown) =>
    isObject(o)
      ? Object.entries(o)
          .filter(([k]) => !NOT_WORDS.test(k))
          .map(([, x]) => x)
      : [];
  return [...(Array.isArray(f.args) ? f.args : []), ...named(f.kwargs), ...named(f)].filter((x): x is string => typeof x === 'string' && /\S\s+\S/.test(x.trim())).join('\n\n');
}

/** Fields of a call's record that may name the part it asks (a batch line's `custom_id`, a trace's `name`), itself or in its `metadata` (Helicone's custom `properties`). */
const PART_NAME_FIELDS = ['custom_id', 'part', 'part_id', 'question_id', 'problem_id', 'item_id', 'task_id', 'example_id', 'name'];
const METADATA_FIELDS = ['metadata', 'meta', 'properties'];

/** The part a call's record names by an id (partIdOfName), if one does. */
function partAsked(item: Record<string, unknown>): string | undefined {
  const f = fieldsOf(item);
  const scopes = [
    f,
    ...METADATA_FIELDS.map((m) => f[m])
      .filter(isObject)
      .map(fieldsOf),
  ];
  for (const scope of scopes) {
    for (const field of PART_NAME_FIELDS) {
      const v = scope[field];
      const id = typeof v === 'string' ? partIdOfName(v) : undefined;
      if (id) return id;
    }
  }
  return undefined;
}

/**
 * A call's turns with the part its record names asked in them: its label heads the question turn, or
 * is the question turn when the record kept only the reply (a batch's output file, whose requests
 * are in another file). Its question's words, when kept, stay under the label.
 */
function withPartAsked(held: { speaker: 'user' | 'assistant'; text: string }[], item: Record<string, unknown>): { speaker: 'user' | 'assistant'; text: string }[] {
  const id = held.some((h) => h.speaker === 'assistant') ? partAsked(item) : undefined;
  if (!id) return held;
  // (Written out, `Question 3(d)(ii)`: the turn is ours, and says it as plainly as a person could.)
  const label = `Question ${labelOfPartId(id)}`;
  if (held[0]?.speaker === 'user') return [{ speaker: 'user', text: `${label}\n\n${held[0].text}` }, ...held.slice(1)];
  return [{ speaker: 'user', text: label }, ...held];
}

/** The side a key names (`humanMessage`: the person's), if it names one. */
function keyRole(key: string): 'user' | 'assistant' | undefined {
  const stem = key.replace(HELD_SUFFIX, '');
  return HELD_BY_PERSON.test(stem) ? 'user' : HELD_BY_MODEL.test(stem) ? 'assistant' : undefined;
}

/**
 * The messages an exchange holds one level down, in its keys' order: objects naming their speaker
 * (`{"humanMessage": {"speaker": "human", ...}, "assistantMessage": {...}}`, `{"message": {"role":
 * "user", ...}}`), or words under keys naming their role. Keys alone are trusted only as a pair, a
 * person's and a model's (`{"prompt": ..., "completion": ...}`): one key such as `message` or
 * `input` holds a log line's words as often as a person's. Undefined when the item holds none, and
 * when `pairOnly` (the item names a sender of its own) unless its keys make a pair: a sender's
 * message may quote the one it answers (`"reply_to": {"role": "assistant", ...}`).
 */
function heldMessages(item: Record<string, unknown>, pairOnly: boolean): { speaker: 'user' | 'assistant'; text: string }[] | undefined {
  const held: { speaker: 'user' | 'assistant'; text: string }[] = [];
  let namedInside = false;
  for (const [key, v] of Object.entries(item)) {
    const role = keyRole(key);
    // (A side of a recorded call: its message may be inside the API's envelopes, or be the last of a conversation sent.)
    const recorded = role && typeof v === 'object' && v !== null ? recordedTurn(v) : undefined;
    const inner = recorded?.speaker ?? (isObject(v) ? speakerName(v).speaker : undefined);
    if (inner === 'skip') continue;
    const speaker = inner ?? role;
    if (!speaker) continue;
    const text = (recorded ? recorded.text : contentWords(v).trim()) || (role ? argumentWords(v) : '');
    if (!text) continue;
    namedInside ||= inner !== undefined;
    held.push({ speaker, text });
  }
  const pair = held.some((h) => h.speaker === 'user') && held.some((h) => h.speaker === 'assistant');
  return pair || (namedInside && !pairOnly) ? held : undefined;
}

/**
 * A name a chat app gives a model: one the transcript readers know (`Meta AI`, `Claude 3.5 Sonnet`), or
 * one ending in the word `Bot` (`TutorBot`, `study_bot`), as a Telegram bot's must, or `AI` (`study_ai`, `TutorAI`).
 */
function isModelName(name: string): boolean {
  // (`AI` as a word only in capitals or joined by `_.-`: `Li Ai` is a person's name.)
  return KNOWN_MODEL.test(name) || /(?:^|[\s_.-])bot$/i.test(name) || /(?:^|[_.-])ai$/i.test(name) || /(?:^|\s)AI$/.test(name) || /\p{Ll}(?:Bot|AI)$/u.test(name);
}

/**
 * The side each speaker's name is on, where no word of theirs said it. A known model's name is the
 * model's. A chat has two sides: when the list places only the person (`"author": "human"`), its one
 * other name is the model (a bot under its own name, `"author": "chinchilla"`); when it places only
 * the model (by its word, its name, a bot's field), every other name is a person's (the one who
 * exported the chat, or classmates in a group chat). Two names no rule places stay unknown.
 */
function sidesOfNames(named: { name?: string; speaker?: 'user' | 'assistant' }[]): Map<string, 'user' | 'assistant'> {
  const sides = new Map<string, 'user' | 'assistant'>();
  const others = new Set<string>();
  for (const n of named) {
    if (!n.name) continue;
    if (isModelName(n.name)) sides.set(n.name, 'assistant');
    else others.add(n.name);
  }
  const personPlaced = named.some((n) => n.speaker === 'user');
  const modelPlaced = sides.size > 0 || named.some((n) => n.speaker === 'assistant');
  if (personPlaced && !sides.size && others.size === 1) sides.set([...others][0]!, 'assistant');
  else if (modelPlaced && !personPlaced) for (const name of others) sides.set(name, 'user');
  return sides;
}

/**
 * The record an item wraps: a chat API's or export's line that keeps its message one level down,
 * alone or beside the word naming its kind (Keybase's `{"msg": {...}}`, Mattermost's `{"type": "post",
 * "post": {...}}`); else the item. Wrapped so, the message's own fields (its sender, its time) are
 * the ones that say who wrote it and when.
 */
function unwrapped(item: unknown): unknown {
  if (!isObject(item)) return item;
  let inner: Record<string, unknown> | undefined;
  for (const [key, v] of Object.entries(item)) {
    // (A key naming a side, `{"response": {...}}`, says whose the words are: heldMessages reads it.)
    if (isObject(v) && !inner && !keyRole(key)) inner = v;
    else if (!(fieldKey(key) === 'type' && typeof v === 'string')) return item;
  }
  return inner ?? item;
}

/** A list's items read as messages: objects naming a speaker, exchanges holding them (heldMessages), or [person, reply] pairs; oldest first. */
function readList(items: unknown[]): Reading {
  const reading: Reading = { messages: [], unknown: new Set() };
  if (items.every((x) => Array.isArray(x) && x.length === 2 && x.every((s) => typeof s === 'string'))) {
    for (const [person, reply] of items as [string, string][]) {
      if (person.trim() && !PLACEHOLDER.test(person.trim())) reading.messages.push({ role: 'user', text: person.trim() });
      if (reply.trim() && !PLACEHOLDER.test(reply.trim())) reading.messages.push({ role: 'assistant', text: reply.trim() });
    }
    return reading;
  }
  const list = oldestFirst(items.map(unwrapped));
  const named: { name?: string; speaker?: 'user' | 'assistant'; text: string }[] = [];
  for (const item of list) {
    if (!isObject(item) || isNonMessageActivity(item)) continue;
    // (An activity log's entry, `{"title": "Prompted ...", "safeHtmlItem": [...]}`: one exchange.)
    const logged = loggedExchange(item);
    if (logged) {
      named.push(...logged);
      continue;
    }
    const own = speakerName(item);
    // (`{"user": "Why?", "assistant": "..."}`: a short question under a speaker's key is no name.)
    const held = own.speaker ? undefined : heldMessages(item, own.name !== undefined);
    if (held) {
      named.push(...withPartAsked(held, item));
      continue;
    }
    // (A turn kept in versions names its speaker in each: LM Studio's `{"versions": [{"role": ...}], "currentlySelected": 0}`.)
    const o = own.speaker || own.name ? item : (shownVersion(item) ?? item);
    const who = o === item ? own : speakerName(o);
    if (!who.speaker && !who.name) continue;
    if (who.speaker === 'skip') continue;
    named.push({ ...(who.speaker ? { speaker: who.speaker } : { name: who.name }), text: withoutLeadingMention(contentWords(o).trim()) });
  }
  const sides = sidesOfNames(named);
  for (const n of named) {
    const role = n.speaker ?? sides.get(n.name!);
    if (!role) {
      // (A record naming someone but saying nothing, a grades export's `user_id`, is no speaker to report.)
      if (n.text) reading.unknown.add(n.name!);
      continue;
    }
    if (n.text && !PLACEHOLDER.test(n.text)) reading.messages.push({ role, text: n.text });
  }
  return reading;
}

/**
 * The message a recorded call's record holds, naming its speaker itself or inside an API's or a
 * library's envelopes (recordedTurn: `{"message": {"role": ...}}`, LangChain's `{"kwargs": {"type":
 * "human", ...}}`); undefined for the app's machinery (a system prompt) and for anything else.
 */
export function recordedMessage(v: unknown): Message | undefined {
  const turn = recordedTurn(v);
  return turn && turn.speaker !== 'skip' && turn.text ? { role: turn.speaker, text: turn.text } : undefined;
}

/** A map of messages linked by parent and children: its shown branch, from `current` (else the last leaf) up to the root. */
function shownBranch(tree: Record<string, unknown>, current: unknown): unknown[] | undefined {
  const nodes = Object.entries(tree).filter((e): e is [string, Record<string, unknown>] => isObject(e[1]));
  const parentOf = (n: Record<string, unknown>) => n.parent ?? n.parentId ?? n.parent_id;
  const childrenOf = (n: Record<string, unknown>) => n.children ?? n.childrenIds ?? n.children_ids;
  if (nodes.length < 2 || !nodes.every(([, n]) => parentOf(n) !== undefined || Array.isArray(childrenOf(n)))) return undefined;
  let id = typeof current === 'string' && current in tree ? current : [...nodes].reverse().find(([, n]) => !(childrenOf(n) as unknown[] | undefined)?.length)?.[0];
  const chain: unknown[] = [];
  const seen = new Set<string>();
  while (id && isObject(tree[id]) && !seen.has(id)) {
    seen.add(id);
    const node = tree[id] as Record<string, unknown>;
    chain.unshift(node.message ?? node);
    const parent = parentOf(node);
    id = typeof parent === 'string' ? parent : undefined;
  }
  return chain;
}

/** The messages a branch's nodes hold: a node is a message, or holds a list of blocks that are (a request and its response). */
function branchMessages(chain: unknown[]): Reading {
  const reading: Reading = { messages: [], unknown: new Set() };
  for (const node of chain) {
    if (!isObject(node)) continue;
    const one = readList([node]);
    const parts = one.messages.length || one.unknown.size ? one : readList(Object.values(node).find((v): v is unknown[] => Array.isArray(v) && v.some(isObject)) ?? []);
    reading.messages.push(...parts.messages);
    for (const name of parts.unknown) reading.unknown.add(name);
  }
  return reading;
}

const escapes = (r: Reading) => r.messages.reduce((n, m) => n + (m.text.match(HTML_ESCAPE)?.length ?? 0), 0);

/** A chat's messages with UTF-8 stored as Latin-1 escapes repaired, when the whole chat was stored so (utf8ReadAsLatin1Repaired). */
function withUtf8Repaired(messages: Message[]): Message[] {
  if (!utf8ReadAsLatin1Repaired(messages.map((m) => m.text).join('\n'))) return messages;
  return messages.map((m) => ({ ...m, text: utf8ReadAsLatin1Repaired(m.text) ?? m.text }));
}

/** What a document that holds no chat was found to hold, for the message saying so: its longest list of records and their fields, or its own fields. */
function foundInstead(json: unknown, records: { count: number; fields: string[] } | undefined): string {
  const quoted = (fields: string[]) =>
    fields
      .slice(0, 8)
      .map((f) => JSON.stringify(f))
      .join(', ') + (fields.length > 8 ? ` and ${fields.length - 8} more` : '');
  if (records?.fields.length) return `; its longest list holds ${records.count} record${records.count === 1 ? '' : 's'} with fields ${quoted(records.fields)}`;
  if (isObject(json) && Object.keys(json).length) return `; it holds no list of records, only the fields ${quoted(Object.keys(json))}`;
  return '; it holds no list of records';
}

/** The conversation a JSON document holds (module comment), or what kept it from being read. */
export function jsonConversation(json: unknown): JsonChat {
  // (A protocol's event log, Nostr's or Matrix's: its posts by author and reply, a chat only when a model is among the authors.)
  const thread = protocolThread(json);
  const posted = thread && threadAsChat(thread);
  if (posted) return { messages: withUtf8Repaired(posted) };
  if (thread) return { problem: "no model's reply found: the thread's posts are people's only (read as its starter's write-up)" };
  let best: Reading | undefined;
  // (The longest list of records seen, named in the message when no chat is found: a user can tell which fields went unread.)
  let records: { count: number; fields: string[] } | undefined;
  const noteRecords = (list: unknown[]) => {
    const first = list.find(isObject);
    if (first && (!records || list.length > records.count)) records = { count: list.length, fields: Object.keys(first) };
  };
  const unknown = new Set<string>();
  let personOnly = false;
  let seen = 0;
  const consider = (r: Reading) => {
    for (const name of r.unknown) unknown.add(name);
    if (!r.messages.some((m) => m.role === 'assistant')) {
      personOnly ||= r.messages.length > 0;
      return;
    }
    // The longest list is the chat; of two as long (the same chat kept raw and escaped for a page), the one without HTML escapes.
    if (!best || r.messages.length > best.messages.length || (r.messages.length === best.messages.length && escapes(r) < escapes(best))) best = r;
  };
  const walk = (v: unknown, depth: number) => {
    // (A large export is walked only so far.)
    if (depth > 16 || ++seen > 200_000) return;
    if (Array.isArray(v)) {
      if (v.length && (v.some(isObject) || Array.isArray(v[0]))) {
        consider(readList(v));
        noteRecords(v);
      }
      for (const x of v) if (typeof x === 'object' && x !== null) walk(x, depth + 1);
      return;
    }
    if (!isObject(v)) return;
    for (const x of Object.values(v)) {
      if (Array.isArray(x)) walk(x, depth + 1);
      else if (isObject(x)) {
        const branch = shownBranch(x, v.current_node ?? v.currentId ?? v.current_id);
        if (branch) consider(branchMessages(branch));
        else {
          // (Messages kept by id, `{"m1": {...}, "m2": {...}}`, are a list in an object's clothes.)
          const values = Object.values(x);
          if (values.length >= 2 && values.every(isObject)) {
            consider(readList(values));
            noteRecords(values);
          }
          walk(x, depth + 1);
        }
      }
    }
  };
  walk(json, 0);
  if (best) return { messages: withUtf8Repaired(best.messages) };
  if (personOnly) return { problem: "no model's reply found: its messages are the person's (and the system's) only" };
  if (unknown.size)
    return {
      problem: `no conversation found: its speakers (${[...unknown]
        .slice(0, 4)
        .map((n) => JSON.stringify(n))
        .join(', ')}) are neither a person's (user, human) nor a model's (assistant, model, bot, a model's name), and no field says which messages are the exporter's own ("is_sender", "from_me")`,
    };
  return {
    problem: `no conversation found: expected a list of messages, each naming its speaker ("role", "sender", "from", "author") and holding its text ("content", "text", "parts"), a list of [question, reply] pairs, or an LLM trace's spans holding each call's messages ("input_messages", "inputs", "gen_ai.prompt")${foundInstead(json, records)}`,
    shapeUnknown: true,
  };
}

/**
 * A JSON text that is a protocol's thread with no model among its authors (protocol-events), as its
 * starter's write-up; undefined for any other text.
 */
export function protocolThreadWriteup(text: string): string | undefined {
  const json = jsonDocument(text);
  const thread = json === undefined ? undefined : protocolThread(json);
  return thread ? threadAsWriteup(thread) : undefined;
}

/** A JSON text's value, or the list of its values when it is JSON values one after another (jsonValues); undefined for any other text. */
export function jsonDocument(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return jsonValues(text);
  }
}

/**
 * A text that is JSON values one after another (JSON Lines, an API log's object per line, or values
 * printed whole as `jq .` prints a stream, over many lines each) as the list they make; undefined when
 * the text is not that: a single value, anything but white space between values, or a value that does
 * not parse. One pass over the text finds where each value closes.
 */
export function jsonValues(text: string): unknown[] | undefined {
  const values: unknown[] = [];
  let start = -1;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
      continue;
    }
    if (depth === 0) {
      // (Between values only white space; a value is an object or a list.)
      if (c === 0x7b || c === 0x5b) {
        start = i;
        depth = 1;
      } else if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return undefined;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) depth++;
    else if ((c === 0x7d || c === 0x5d) && --depth === 0) {
      try {
        values.push(JSON.parse(text.slice(start, i + 1)));
      } catch {
        return undefined;
      }
    }
  }
  return depth === 0 && values.length >= 2 ? values : undefined;
}
