import type { Message } from '../model/submission.js';
import { fieldsOf } from './field-names.js';
import { isObject, recordedMessage } from './json-chat.js';
import { labelOfPartId, partIdOfName } from './part-ids.js';

/**
 * An LLM tracing or observability tool's export: Arize Phoenix's and OpenInference's spans
 * (`attributes.llm.input_messages` / `output_messages`), LangSmith's runs (`run_type: "llm"`,
 * `inputs.messages`, `outputs.generations`), Langfuse's observations (`type: "GENERATION"`, `input`,
 * `output`), OpenTelemetry's GenAI spans (`gen_ai.prompt.0.role`, `gen_ai.completion.0.content`, or
 * `gen_ai.input.messages` as JSON text), MLflow's spans (`mlflow.spanType`, `mlflow.spanInputs`).
 * Exporters flatten nested attributes into dotted keys (`"message.role"`, a pandas frame's records)
 * or keep them nested, and keep some as JSON text: both are read as the nested objects they stand for.
 *
 * Each LLM call is a turn of the conversation: the messages it was sent, then its reply. Calls are
 * read in the order they started (exports list spans as they were stored, a parent after its
 * children); a call replays the history, so of its messages only those the conversation has not
 * shown yet are new. Spans that are no call of a model (a chain, a retriever, a tool, an agent's
 * step) hold inputs and outputs of the program, not anyone's turn: they are skipped.
 */

/** Fields naming a span's kind, on the span or among its attributes (after dotted keys are nested). */
const KIND_FIELDS = ['span_kind', 'run_type', 'observation_type', 'type', 'kind', 'span_type'];
/** Kinds of span that are a model's call. */
const LLM_KIND = /^"?(?:llm|chat_?model|chat|generation|completion|text_completion)"?$/i;
/** OpenTelemetry's own span kinds (`SPAN_KIND_CLIENT`), which say where a span ran, not what it did. */
const TRANSPORT_KIND = /^(?:SPAN_KIND_\w+|client|server|internal|producer|consumer|unspecified)$/i;
/** Objects inside a span where tracing tools keep its attributes (`attributes.llm.*`, `gen_ai.*`, `mlflow.*`, `openinference.span.kind`). */
const SCOPE_FIELDS = ['attributes', 'llm', 'gen_ai', 'mlflow', 'openinference', 'span', 'extra'];
/** Where a call's sent messages are kept, most specific first. */
const INPUT_FIELDS = ['input_messages', 'span_inputs', 'inputs', 'input', 'prompt'];
/** Where a call's reply is kept, most specific first. */
const OUTPUT_FIELDS = ['output_messages', 'span_outputs', 'outputs', 'output', 'completion'];
/** Fields a span's start is stamped under. */
const START_FIELDS = ['start_time', 'start_time_unix_nano', 'start_timestamp', 'started_at', 'timestamp', 'created_at'];
/** Fields of a span's metadata that may name the part its call asks (`"question": "2(b)"`). */
const PART_FIELDS = ['question', 'part', 'part_id', 'question_id', 'problem', 'problem_id'];
const METADATA_FIELDS = ['metadata', 'meta', 'tags'];

/** A key flattened from nested objects (`attributes.llm.model_name`, `gen_ai.prompt.0.role`): a name, then dotted names or indices. */
const DOTTED_KEY = /^[A-Za-z_$][\w$-]*(?:\.[\w$-]+)+$/;
/** The most objects nested from dotted keys. */
const NEST_LIMIT = 100_000;

/**
 * A JSON value with dotted keys nested (`{"message.role": "user"}` → `{"message": {"role": "user"}}`)
 * and objects keyed by indices alone (`{"0": ..., "1": ...}`) made lists; a key that clashes with
 * another (`"a": 1` beside `"a.b": 2`) stays as written.
 */
function nestedDottedKeys(v: unknown, budget = { left: NEST_LIMIT }, depth = 0): unknown {
  if (depth > 24 || --budget.left < 0 || typeof v !== 'object' || v === null) return v;
  const attributes = Array.isArray(v) ? keyValueList(v) : undefined;
  if (attributes) return nestedDottedKeys(attributes, budget, depth + 1);
  if (Array.isArray(v)) return v.map((x) => nestedDottedKeys(x, budget, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(v)) {
    if (!DOTTED_KEY.test(key)) {
      if (!Object.hasOwn(out, key)) out[key] = value;
      continue;
    }
    const path = key.split('.');
    let at = out;
    let clash = false;
    for (const name of path.slice(0, -1)) {
      if (!Object.hasOwn(at, name)) at[name] = {};
      if (!isObject(at[name])) {
        clash = true;
        break;
      }
      at = at[name] as Record<string, unknown>;
    }
    const last = path.at(-1)!;
    if (clash || Object.hasOwn(at, last)) out[key] = value;
    else at[last] = value;
  }
  for (const [key, value] of Object.entries(out)) out[key] = asList(nestedDottedKeys(value, budget, depth + 1));
  return out;
}

/**
 * OTLP's JSON keeps attributes as a list of typed pairs (`[{"key": "gen_ai.prompt.0.role", "value":
 * {"stringValue": "user"}}]`): the object they stand for; undefined for any other list.
 */
function keyValueList(list: unknown[]): Record<string, unknown> | undefined {
  if (!list.length) return undefined;
  const out: Record<string, unknown> = {};
  for (const item of list) {
    if (!isObject(item) || typeof item.key !== 'string' || !isObject(item.value)) return undefined;
    const typed = Object.entries(item.value);
    if (typed.length !== 1 || !typed[0]![0].endsWith('Value')) return undefined;
    out[item.key] = typed[0]![1];
  }
  return out;
}

/** An object keyed by the indices 0, 1, ... alone as the list it was flattened from; any other value as it is. */
function asList(v: unknown): unknown {
  if (!isObject(v)) return v;
  const keys = Object.keys(v);
  return keys.length && keys.every((k, i) => k === String(i)) ? Object.values(v) : v;
}

/** A value kept as JSON text (`"{\"messages\": [...]}"`) as the value it holds; any other value as it is. */
function decoded(v: unknown): unknown {
  if (typeof v !== 'string' || !/^\s*[[{"]/.test(v)) return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

/** The objects a span keeps its fields in: itself, then its attributes' scopes (SCOPE_FIELDS), as deep as they go. */
function scopesOf(span: Record<string, unknown>): Record<string, unknown>[] {
  const scopes = [fieldsOf(span)];
  for (let k = 0; k < scopes.length && scopes.length < 12; k++) {
    for (const field of SCOPE_FIELDS) {
      const inner = decoded(scopes[k]![field]);
      if (isObject(inner)) scopes.push(fieldsOf(inner));
    }
  }
  return scopes;
}

/** The first of the fields found in the scopes, the fields' order first; JSON text decoded. */
function firstField(scopes: Record<string, unknown>[], fields: string[]): unknown {
  for (const field of fields) {
    for (const scope of scopes) {
      const v = decoded(scope[field]);
      if (v !== undefined && v !== null) return v;
    }
  }
  return undefined;
}

/** Whether the span's kind names a model's call (true), another step (false), or nothing (undefined). */
function isModelCall(scopes: Record<string, unknown>[]): boolean | undefined {
  for (const scope of scopes) {
    for (const field of KIND_FIELDS) {
      const v = scope[field];
      if (typeof v === 'string' && v.trim() && v.length < 40 && !TRANSPORT_KIND.test(v.trim())) return LLM_KIND.test(v.trim());
    }
  }
  return undefined;
}

/** The messages one side of a call holds: a list of messages, LangChain's list of them per prompt, or a list under `messages` or a `value`. */
function sideMessages(v: unknown, depth = 0): Message[] {
  const side = decoded(v);
  if (depth > 4) return [];
  if (Array.isArray(side)) return (Array.isArray(side[0]) ? side[0] : side).map(recordedMessage).filter((m): m is Message => m !== undefined);
  if (!isObject(side)) return [];
  const f = fieldsOf(side);
  for (const field of ['messages', 'contents', 'value', 'input']) if (f[field] !== undefined) return sideMessages(f[field], depth + 1);
  const one = recordedMessage(side);
  return one ? [one] : [];
}

/** The reply a call's output side holds: a message (perhaps in an API's envelopes), a list of them, or plain words. */
function replyOf(v: unknown): string | undefined {
  const side = decoded(v);
  if (typeof side === 'string') return side.trim() || undefined;
  if (Array.isArray(side)) {
    const said = side.map(recordedMessage).filter((m) => m?.role === 'assistant');
    return said.length ? said.map((m) => m!.text).join('\n\n') : undefined;
  }
  if (!isObject(side)) return undefined;
  // (OpenInference's `output.value`: the reply's words, or its API's response as JSON text.)
  if (side.value !== undefined) return replyOf(side.value);
  const reply = recordedMessage(side);
  return reply?.role === 'assistant' ? reply.text : undefined;
}

/** The part a span's metadata names, if any. */
function partNamed(scopes: Record<string, unknown>[]): string | undefined {
  for (const scope of scopes) {
    for (const m of METADATA_FIELDS) {
      const meta = decoded(scope[m]);
      if (!isObject(meta)) continue;
      const f = fieldsOf(meta);
      for (const field of PART_FIELDS) {
        const id = typeof f[field] === 'string' ? partIdOfName(f[field] as string) : undefined;
        if (id) return id;
      }
    }
  }
  return undefined;
}

/** When a span started, as a number that orders one export's stamps; undefined when it has no stamp. */
function startOf(scopes: Record<string, unknown>[]): number | undefined {
  const v = firstField(scopes.slice(0, 1), START_FIELDS);
  if (typeof v === 'number' && Number.isFinite(v)) return v > 1e17 ? v / 1e6 : v > 1e14 ? v / 1e3 : v > 1e11 ? v : v * 1000;
  if (typeof v === 'string') {
    const t = /^\d+$/.test(v) ? Number(v) / 1e6 : Date.parse(v);
    return Number.isNaN(t) ? undefined : t;
  }
  return undefined;
}

/** One model call as read from its span. */
interface Call {
  sent: Message[];
  reply: string;
  part?: string;
  start?: number;
}

/**
 * The call a span records: a span its kind calls a model's (LLM_KIND), or one keeping its messages
 * where only tracing tools do (`input_messages`, `gen_ai.prompt`); undefined for any other record.
 */
function callOf(span: Record<string, unknown>): Call | undefined {
  const scopes = scopesOf(span);
  const kind = isModelCall(scopes);
  if (kind === false) return undefined;
  // (With no kind, only the attributes tracing conventions name say a record is a model's call.)
  if (kind === undefined && !scopes.some((s) => s.input_messages !== undefined || s.output_messages !== undefined || isObject(s.gen_ai))) return undefined;
  const reply = replyOf(firstField(scopes, OUTPUT_FIELDS));
  if (!reply) return undefined;
  const part = partNamed(scopes);
  const start = startOf(scopes);
  return { sent: sideMessages(firstField(scopes, INPUT_FIELDS)), reply, ...(part ? { part } : {}), ...(start !== undefined ? { start } : {}) };
}

/** The most objects looked at for spans. */
const WALK_LIMIT = 50_000;

/** Keys only traces have: one among a document's first objects lets its spans be looked for. */
const TRACE_KEY = /^(?:span_kind|run_type|observation_type|input_messages|trace_id|traceId|span_id|spanId|parent_run_id|context\.span_id)$|^(?:attributes\.)?(?:llm|gen_ai|mlflow|openinference)\./;

/** Whether a document's first objects (a few thousand) have a key only traces have (TRACE_KEY). */
function looksTraced(json: unknown): boolean {
  const queue: unknown[] = [json];
  for (let k = 0; k < queue.length && k < 2_000; k++) {
    const v = queue[k];
    if (Array.isArray(v)) {
      for (const x of v) if (typeof x === 'object' && x !== null) queue.push(x);
    } else if (isObject(v)) {
      for (const [key, x] of Object.entries(v)) {
        if (TRACE_KEY.test(key)) return true;
        if (typeof x === 'object' && x !== null) queue.push(x);
      }
    }
  }
  return false;
}

/** A turn's words as a replayed history is compared with what the conversation showed: runs of white space as one. */
const comparable = (m: Message) => `${m.role} ${m.text.replace(/\s+/g, ' ').trim()}`;

/**
 * The conversation an LLM trace holds (module comment), when the document is one and a call in it
 * got a reply; undefined for any other document.
 */
export function traceConversation(json: unknown): Message[] | undefined {
  if (!looksTraced(json)) return undefined;
  const root = nestedDottedKeys(json);
  const calls: Call[] = [];
  let seen = 0;
  const walk = (v: unknown, depth: number) => {
    if (depth > 16 || ++seen > WALK_LIMIT || typeof v !== 'object' || v === null) return;
    if (Array.isArray(v)) {
      for (const x of v) walk(x, depth + 1);
      return;
    }
    const call = callOf(v as Record<string, unknown>);
    if (call) return void calls.push(call);
    // (A run keeps the calls of its steps below it: LangSmith's `child_runs`, a trace's `spans`.)
    for (const x of Object.values(v)) walk(x, depth + 1);
  };
  walk(root, 0);
  if (!calls.length) return undefined;
  if (calls.every((c) => c.start !== undefined)) calls.sort((a, b) => a.start! - b.start!);
  const messages: Message[] = [];
  // The conversation as the last call left it: a call replaying it sends only what follows it as new.
  let shown: Message[] = [];
  for (const call of calls) {
    let same = 0;
    while (same < call.sent.length && same < shown.length && comparable(call.sent[same]!) === comparable(shown[same]!)) same++;
    const fresh = call.sent.slice(same);
    const first = fresh[0];
    // (Written out, `Question 2(e)`: the label is ours, heading the call's new question as a person would.)
    if (call.part) {
      const label = `Question ${labelOfPartId(call.part)}`;
      if (first?.role === 'user') fresh[0] = { ...first, text: `${label}\n\n${first.text}` };
      else fresh.unshift({ role: 'user', text: label });
    }
    messages.push(...fresh, { role: 'assistant', text: call.reply });
    shown = [...call.sent, { role: 'assistant', text: call.reply }];
  }
  return messages;
}
