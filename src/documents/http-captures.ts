import type { Message } from '../model/submission.js';
import { contentWords, isObject, jsonValues, speakerOfWord } from './json-chat.js';
import { labelOfPartId, partIdOfName } from './part-ids.js';

/**
 * A capture of a chat API's HTTP traffic: a browser's or a proxy's HAR (DevTools, Charles, Proxyman:
 * `log.entries[]`, each request's `postData.text` and its response's `content.text`), or an API
 * client's saved requests and their responses (Postman's collections with saved examples, Hoppscotch's
 * and Bruno's collections, Insomnia's export). The conversation is in bodies kept as text: each request
 * resends the whole history (`messages`, Gemini's `contents`, the Responses API's `input`), and each
 * response is a completion's JSON (OpenAI's, Anthropic's, Gemini's, Ollama's) or a stream of events
 * (`text/event-stream`'s `data:` lines, Ollama's JSON lines) whose pieces make the reply.
 *
 * Read as the person saw the chat: calls in time order; of each request, the turns no earlier call
 * showed (a request replays the history, which must not be read twice); then its reply, reasoning
 * left out (a stream's reasoning deltas, thinking blocks; a `<think>` block in the words is the
 * transcript reader's to take out). A call that failed (an error status, an error body) or kept no
 * response answers nothing. What the person wrote about a request (a description, docs) is a remark
 * on the reply, no reply: it is left out.
 */

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** One call as captured: what was sent, the bodies that came back (none, one, or a client's several saved examples), and its name. */
interface CapturedCall {
  request: Record<string, unknown>;
  replies: string[];
  /** The names an API client gives the request: its folders', outermost first, then its own (`Q2 MuP`, `2b scalar c`). */
  names?: string[];
  time?: number;
}

/** An API client's variable (`{{base_url}}`, Postman's and Bruno's `{{model}}`), which leaves a body unparsable where it stands for a number. */
const CLIENT_VARIABLE = /\{\{\s*[\w.$-]+\s*\}\}/g;

/** A body's text as the JSON of a chat API's request (one naming the turns it sends); undefined for any other body. */
function chatRequest(body: unknown): Record<string, unknown> | undefined {
  if (typeof body !== 'string' || !body.trimStart().startsWith('{')) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    try {
      json = JSON.parse(body.replace(CLIENT_VARIABLE, 'null'));
    } catch {
      return undefined;
    }
  }
  if (!isObject(json)) return undefined;
  return Array.isArray(json.messages) || Array.isArray(json.contents) || json.input !== undefined || typeof json.prompt === 'string' || typeof json.message === 'string' ? json : undefined;
}

/** Where each tool keeps a request's body as text: HAR's `postData.text`, Postman's `body.raw` (v1's `rawModeData`), Insomnia's `body.text`, Hoppscotch's `body.body`, Bruno's `body.json`. */
function requestBody(request: Record<string, unknown>): string | undefined {
  const post = request.postData ?? request.post_data;
  if (isObject(post) && typeof post.text === 'string') return post.text;
  if (typeof request.rawModeData === 'string') return request.rawModeData;
  const body = request.body;
  if (isObject(body)) return str(body.raw) ?? str(body.text) ?? str(body.body) ?? str(body.json);
  return undefined;
}

/** Where each tool keeps a response's body as text: HAR's `content.text` (perhaps base64), a saved example's `body`, Postman v1's `text`, Bruno's `body.content`. */
function responseBody(response: Record<string, unknown>): string | undefined {
  const status = typeof response.status === 'number' ? response.status : typeof response.code === 'number' ? response.code : undefined;
  // (A rate limit's or a server error's body is no reply.)
  if (status !== undefined && status >= 400) return undefined;
  const content = response.content;
  if (isObject(content) && typeof content.text === 'string') {
    return content.encoding === 'base64' ? Buffer.from(content.text, 'base64').toString('utf8') : content.text;
  }
  const body = response.body;
  if (typeof body === 'string') return body;
  if (isObject(body)) return typeof body.content === 'string' ? body.content : isObject(body.content) ? JSON.stringify(body.content) : undefined;
  return str(response.text) ?? str(response.response_body) ?? str(response.responseBody);
}

/** The responses a client saved for a request: Postman's `response[]` (v1's `responses[]`), Hoppscotch's `responses` by name, Bruno's `examples[].response`. */
function savedReplies(item: Record<string, unknown>): string[] {
  const saved = item.response ?? item.responses ?? item.examples;
  const list = Array.isArray(saved) ? saved : isObject(saved) && !('content' in saved) && !('body' in saved) ? Object.values(saved) : saved === undefined ? [] : [saved];
  const bodies: string[] = [];
  for (const r of list) {
    if (!isObject(r)) continue;
    const body = responseBody(isObject(r.response) ? r.response : r);
    if (body !== undefined) bodies.push(body);
  }
  return bodies;
}

/** A request kept by a client, when its body is a chat API's: Postman's item (`request`) or a request record itself (Hoppscotch, Insomnia, Postman v1). */
function clientCall(item: Record<string, unknown>, folders: string[]): CapturedCall[] {
  const own = isObject(item.request) ? item.request : item;
  const request = chatRequest(requestBody(own));
  const names = [...folders, str(item.name)].filter((n): n is string => !!n?.trim());
  const named = names.length ? { names } : {};
  const saved = Array.isArray(item.response) ? item.response : undefined;
  // (A saved example keeps the request that got it, `originalRequest`, which may differ from the request as it stands now.)
  if (saved?.some((r) => isObject(r) && isObject(r.originalRequest))) {
    const calls: CapturedCall[] = [];
    for (const r of saved) {
      if (!isObject(r)) continue;
      const sent = (isObject(r.originalRequest) ? chatRequest(requestBody(r.originalRequest)) : undefined) ?? request;
      const body = responseBody(r);
      if (sent) calls.push({ request: sent, replies: body === undefined ? [] : [body], ...named });
    }
    if (calls.length) return calls;
  }
  return request ? [{ request, replies: savedReplies(item), ...named }] : [];
}

/** The calls a client's collection keeps, in its order, its folders' names above each request's (Postman's `item`, Bruno's `items`, Hoppscotch's `folders` and `requests`). */
function collectionCalls(node: unknown, folders: string[], calls: CapturedCall[], depth = 0): void {
  if (depth > 12 || calls.length > 5000) return;
  if (Array.isArray(node)) {
    for (const x of node) collectionCalls(x, folders, calls, depth + 1);
    return;
  }
  if (!isObject(node)) return;
  const children = ['item', 'items', 'folders', 'requests', 'resources'].map((k) => node[k]).filter(Array.isArray);
  if (children.length) {
    const name = depth > 0 ? str(node.name) : undefined;
    for (const list of children) collectionCalls(list, name ? [...folders, name] : folders, calls, depth + 1);
    return;
  }
  calls.push(...clientCall(node, folders));
}

/** A HAR's calls to chat APIs, by when they started. */
function harCalls(entries: unknown[]): CapturedCall[] {
  const calls: CapturedCall[] = [];
  for (const e of entries) {
    if (!isObject(e) || !isObject(e.request)) continue;
    const request = chatRequest(requestBody(e.request));
    if (!request) continue;
    const body = isObject(e.response) ? responseBody(e.response) : undefined;
    const time = typeof e.startedDateTime === 'string' ? Date.parse(e.startedDateTime) : Number.NaN;
    calls.push({ request, replies: body === undefined ? [] : [body], ...(Number.isNaN(time) ? {} : { time }) });
  }
  // (A browser lists entries as they finished or as it likes; a stable sort keeps the file's order among equal times.)
  return calls.every((c) => c.time !== undefined) ? calls.sort((a, b) => a.time! - b.time!) : calls;
}

/** A document's captured calls to chat APIs, when it is a capture (module comment); undefined for any other document. */
function capturedCalls(json: unknown): CapturedCall[] | undefined {
  if (!isObject(json) && !Array.isArray(json)) return undefined;
  const log = isObject(json) ? json.log : undefined;
  if (isObject(log) && Array.isArray(log.entries)) return harCalls(log.entries);
  // (A client's export: Postman's `{info, item}`, v1's `{requests}`, Bruno's `{items}`, Hoppscotch's `[{folders, requests}]`, Insomnia's `{resources}`.)
  const isClientExport = Array.isArray(json)
    ? json.some((c) => isObject(c) && (Array.isArray(c.requests) || Array.isArray(c.folders)))
    : ['item', 'items', 'requests', 'resources'].some((k) => Array.isArray(json[k]));
  if (!isClientExport) return undefined;
  const calls: CapturedCall[] = [];
  collectionCalls(json, [], calls);
  return calls;
}

/** A turn's role as an API names it (`user`, `assistant`, Gemini's `model`, Cohere's `CHATBOT`); a system prompt or a tool's result is no turn. */
function turnRole(role: unknown): 'user' | 'assistant' | undefined {
  const speaker = typeof role === 'string' ? speakerOfWord(role) : undefined;
  return speaker === 'user' || speaker === 'assistant' ? speaker : undefined;
}

/** Where a request sends its turns: OpenAI's, Anthropic's and Ollama's `messages`, Gemini's `contents`, the Responses API's `input`, Cohere's `chat_history`. */
const SENT_LISTS = ['messages', 'contents', 'input', 'chat_history'];

/** The turns a request sends, oldest first: its messages (`messages`, `contents`, the Responses API's `input`, Cohere's `chat_history` and `message`), or a completion's `prompt`. */
function sentTurns(request: Record<string, unknown>): Message[] {
  const turns: Message[] = [];
  const list = (SENT_LISTS.map((k) => request[k]).find(Array.isArray) as unknown[] | undefined) ?? [];
  for (const m of list) {
    if (!isObject(m)) continue;
    const role = turnRole(m.role ?? (m.type === 'message' ? undefined : m.type));
    if (!role) continue;
    const text = contentWords(m.content ?? m.parts ?? m.message ?? m.text).trim();
    if (text) turns.push({ role, text });
  }
  const asked = str(request.input) ?? str(request.prompt) ?? (Array.isArray(request.chat_history) || !Array.isArray(request.messages) ? str(request.message) : undefined);
  if (asked?.trim()) turns.push({ role: 'user', text: asked.trim() });
  return turns;
}

/** Block types whose words are reasoning, not the reply (Anthropic's `thinking`, the Responses API's `reasoning`). */
const REASONING_BLOCK = /think|reason/i;

/** The reply's words in a completion's JSON: OpenAI's chat (`choices[0].message`) and legacy (`choices[0].text`), the Responses API's `output`, Anthropic's `content` (legacy `completion`), Gemini's `candidates`, Ollama's and Cohere's `message` / `response` / `text`. */
function completionWords(o: Record<string, unknown>): string {
  const choice = Array.isArray(o.choices) && isObject(o.choices[0]) ? o.choices[0] : undefined;
  if (choice) return isObject(choice.message) ? contentWords(choice.message.content) : (str(choice.text) ?? '');
  if (Array.isArray(o.candidates)) return isObject(o.candidates[0]) ? contentWords((o.candidates[0] as Record<string, unknown>).content) : '';
  if (Array.isArray(o.output)) {
    // (The Responses API: its `message` items' `output_text`, its `reasoning` items no reply.)
    return o.output
      .filter((x): x is Record<string, unknown> => isObject(x) && x.type === 'message')
      .map((x) => contentWords(x.content))
      .join('\n');
  }
  if (typeof o.output_text === 'string') return o.output_text;
  if (o.type === 'message' && Array.isArray(o.content)) return contentWords(o.content);
  if (isObject(o.message)) return contentWords(o.message.content);
  return str(o.response) ?? str(o.completion) ?? (typeof o.text === 'string' && !o.error ? o.text : '');
}

/** How far a stream's events of content blocks say each block's kind (Anthropic's `content_block_start`): a reasoning block's deltas are no reply. */
type BlockKinds = Map<number, string>;

/** The reply's piece one streamed event carries (a delta, or a chunk's parts), reasoning left out. */
function streamedPiece(o: Record<string, unknown>, blocks: BlockKinds): string {
  const choice = Array.isArray(o.choices) && isObject(o.choices[0]) ? o.choices[0] : undefined;
  if (choice) {
    // (`delta.reasoning_content`, `delta.reasoning`: the model's reasoning, beside the reply's `content`.)
    if (isObject(choice.delta)) return typeof choice.delta.content === 'string' ? choice.delta.content : contentWords(choice.delta.content ?? '');
    return str(choice.text) ?? '';
  }
  if (o.type === 'content_block_start' && isObject(o.content_block) && typeof o.index === 'number') {
    blocks.set(o.index, str(o.content_block.type) ?? '');
    return str(o.content_block.text) ?? '';
  }
  if (o.type === 'content_block_delta' && isObject(o.delta)) {
    const kind = typeof o.index === 'number' ? blocks.get(o.index) : undefined;
    return kind && REASONING_BLOCK.test(kind) ? '' : o.delta.type === 'text_delta' || o.delta.type === undefined ? (str(o.delta.text) ?? '') : '';
  }
  if (o.type === 'response.output_text.delta') return str(o.delta) ?? '';
  // (Anthropic's legacy Text Completions stream, which claude.ai's page long spoke too: `completion` events of pieces.)
  if (o.type === 'completion') return str(o.completion) ?? '';
  // (Cohere's v2 stream: `content-delta` events.)
  if (o.type === 'content-delta' && isObject(o.delta) && isObject(o.delta.message) && isObject(o.delta.message.content)) return str(o.delta.message.content.text) ?? '';
  if (typeof o.type === 'string') return '';
  return completionWords(o);
}

/** The JSON objects a stream's body carries: an event stream's `data:` lines (a `[DONE]` and comments none), or JSON values one after another (Ollama's lines). */
function streamedEvents(body: string): Record<string, unknown>[] | undefined {
  if (/^(?:data|event|id):/m.test(body.slice(0, 2000))) {
    const events: Record<string, unknown>[] = [];
    // (An event's data may run over several `data:` lines, joined by line breaks; a blank line ends it.)
    let data: string[] = [];
    const flush = () => {
      if (!data.length) return;
      const text = data.join('\n');
      data = [];
      try {
        const o = JSON.parse(text);
        if (isObject(o)) events.push(o);
      } catch {
        // (`[DONE]`, a keep-alive: no event of the reply.)
      }
    };
    for (const line of body.split(/\r?\n/)) {
      if (!line.trim()) flush();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
    flush();
    return events;
  }
  const values = jsonValues(body);
  return values?.filter(isObject);
}

/** A response body's reply: a completion's words, or a stream's pieces joined; empty when the body holds none (an error, a tool call, no body). */
export function replyOfBody(body: string): string {
  const t = body.trim();
  if (!t) return '';
  if (t.startsWith('{')) {
    try {
      const o = JSON.parse(t);
      if (isObject(o)) return completionWords(o).trim();
    } catch {
      // (Not one value: a stream's lines.)
    }
  }
  const events = streamedEvents(t);
  if (!events?.length) return '';
  const blocks: BlockKinds = new Map();
  // (The Responses API's stream ends on the whole response: its words, when no delta carried them.)
  const pieces = events.filter((e) => e.type !== 'response.completed').map((e) => streamedPiece(e, blocks));
  const joined = pieces.join('').trim();
  if (joined) return joined;
  const completed = events.find((e) => e.type === 'response.completed' && isObject(e.response));
  return completed ? completionWords(completed.response as Record<string, unknown>).trim() : '';
}

/**
 * The part (or the question) a request's names say it asks: the person's title for it in an API client
 * (`2b scalar c` in a folder `Q2 MuP`). A name that names two parts (`1a + 1b runtime`) says only
 * their question; a request's own name outranks its folders'. Undefined when they name none.
 */
function askedByNames(names: string[]): string | undefined {
  for (let k = names.length - 1; k >= 0; k--) {
    const ids = new Set(
      names[k]!.split(/\s*(?:[+&,;/]|\band\b)\s*/)
        .map(partIdOfName)
        .filter((id): id is string => !!id),
    );
    if (ids.size === 1) return [...ids][0];
    const questions = new Set([...ids].map((id) => id.split('.')[0]));
    if (questions.size === 1) return [...questions][0];
  }
  return undefined;
}

/** A turn's words as compared with the history a later request replays: without reasoning blocks and runs of white space. */
const comparable = (m: Message) =>
  `${m.role} ${m.text
    .replace(/<(think|thinking|reasoning)>[\s\S]*?(?:<\/\1>|$)/gi, '')
    .replace(/\s+/g, ' ')
    .trim()}`;

/**
 * The conversation a capture holds (module comment), when the document is a capture of calls to chat
 * APIs and one of them got a reply; undefined for any other document.
 */
export function capturedConversation(json: unknown): Message[] | undefined {
  const calls = capturedCalls(json);
  if (!calls?.length) return undefined;
  const messages: Message[] = [];
  // The conversation as the last call left it: a request replaying it sends only what follows it as new.
  let shown: Message[] = [];
  let replied = false;
  for (const call of calls) {
    const sent = sentTurns(call.request);
    let same = 0;
    while (same < sent.length && same < shown.length && (comparable(sent[same]!) === comparable(shown[same]!) || (sent[same]!.role === 'assistant' && shown[same]!.role === 'assistant'))) same++;
    // (A request that is no continuation of the last, a new chat or an edited turn, is new from where it parts from it.)
    const fresh = sent.slice(same);
    const first = fresh[0];
    const asked = call.names && askedByNames(call.names);
    if (asked && first?.role === 'user') fresh[0] = { ...first, text: `Question ${labelOfPartId(asked)}\n\n${first.text}` };
    messages.push(...fresh);
    const replies = call.replies.map(replyOfBody).filter(Boolean);
    for (const reply of replies) messages.push({ role: 'assistant', text: reply });
    replied ||= replies.length > 0;
    shown = [...sent, ...replies.slice(-1).map((text): Message => ({ role: 'assistant', text }))];
  }
  return replied ? messages : undefined;
}
