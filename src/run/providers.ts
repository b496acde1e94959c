import { readFileSync } from 'node:fs';
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { UserError } from '../model/errors.js';

/** A model as the CLI names it: `openai:gpt-5`, `anthropic:claude-sonnet-4-5`, `openai-compatible:kimi-k2@https://...`. */
export interface ModelRef {
  provider: 'openai' | 'anthropic' | 'openai-compatible';
  model: string;
  baseURL?: string;
  /** Whether it takes images: OpenAI and Anthropic models do; an OpenAI-compatible server only when told (`--vision`). */
  vision: boolean;
  /** The name as written, for reports. */
  label: string;
}

/** A piece of a message: text, or an image (base64) for models that read images. */
export type ContentPart = { type: 'text'; text: string } | { type: 'image'; mediaType: string; data: string };

/** One message of a conversation sent to a model. */
export interface ChatMessage {
  role: 'user' | 'assistant';
  content: string | ContentPart[];
}

/** The plain text of a message (images left out). */
export function messageText(m: ChatMessage): string {
  return typeof m.content === 'string' ? m.content : m.content.map((p) => (p.type === 'text' ? p.text : '')).join('');
}

/** Settings of a request (everything that changes the answer is part of its cache key). */
export interface RequestSettings {
  temperature?: number;
  maxTokens?: number;
  /** `low` / `medium` / `high`, for APIs that take it. */
  reasoningEffort?: string;
  /** Stream the reply (SSE) instead of one response. */
  stream?: boolean;
  /** Milliseconds a request may take before it is abandoned and retried (default 5 minutes). */
  timeoutMs?: number;
}

export interface Completion {
  text: string;
  inputTokens: number;
  outputTokens: number;
}

/** A provider error with what the scheduler needs: the HTTP status and the server's Retry-After. */
export class ProviderError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly retryAfterMs: number | undefined,
    /** False for an error that must not be tried again whatever its status (a provider throttled for longer than a run waits). */
    private readonly mayRetry = true,
  ) {
    super(message);
    this.name = 'ProviderError';
  }
  /** Worth another try: rate limits, server errors, timeouts and dropped connections. */
  get retryable(): boolean {
    if (!this.mayRetry) return false;
    return this.status === undefined || this.status === 408 || this.status === 409 || this.status === 429 || this.status >= 500;
  }
}

export function parseModelRef(s: string): ModelRef {
  const m = /^(openai|anthropic|openai-compatible):([^@\s]+)(?:@(\S+))?$/.exec(s.trim());
  if (!m) throw new UserError(`"${s}" is not a model: write openai:NAME, anthropic:NAME or openai-compatible:NAME@https://host/v1`);
  const provider = m[1] as ModelRef['provider'];
  if (provider === 'openai-compatible' && !m[3]) throw new UserError(`"${s}": an OpenAI-compatible model needs its server, as openai-compatible:NAME@https://host/v1`);
  return { provider, model: m[2]!, ...(m[3] ? { baseURL: m[3] } : {}), label: s.trim(), vision: provider !== 'openai-compatible' };
}

/**
 * The API key of a model, from the environment: OPENAI_API_KEY, ANTHROPIC_API_KEY, or for an
 * OpenAI-compatible server PARTCREDIT_API_KEY_<HOST> (dots and dashes as _) then PARTCREDIT_API_KEY.
 * Keys are read when a request is made and never stored or printed.
 */
export function apiKeyFor(ref: ModelRef, env: NodeJS.ProcessEnv = process.env): string {
  const file = keysFile(env);
  if (ref.provider === 'openai') return env.OPENAI_API_KEY ?? file.openai ?? missing('OPENAI_API_KEY');
  if (ref.provider === 'anthropic') return env.ANTHROPIC_API_KEY ?? file.anthropic ?? missing('ANTHROPIC_API_KEY');
  const hostname = new URL(ref.baseURL!).hostname;
  const host = hostname.toUpperCase().replace(/[^A-Z0-9]/g, '_');
  return env[`PARTCREDIT_API_KEY_${host}`] ?? env.PARTCREDIT_API_KEY ?? file.hosts?.[hostname] ?? missing(`PARTCREDIT_API_KEY_${host} (or PARTCREDIT_API_KEY, or "hosts" in the keys file)`);
}

/**
 * Keys from a file (PARTCREDIT_KEYS_FILE): {"openai": "...", "anthropic": "...", "hosts": {"api.moonshot.ai": "..."}}.
 * Read for each request, never copied anywhere.
 */
function keysFile(env: NodeJS.ProcessEnv): { openai?: string; anthropic?: string; hosts?: Record<string, string> } {
  const path = env.PARTCREDIT_KEYS_FILE;
  if (!path) return {};
  const shape = 'write {"openai": "...", "anthropic": "...", "hosts": {"host": "..."}}';
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ProviderError(`PARTCREDIT_KEYS_FILE (${path}) cannot be read: ${(e as NodeJS.ErrnoException).code ?? 'error'}`, 401, undefined);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // JSON.parse quotes the text it failed on, and a keys file holds keys: its message is never shown.
    throw new ProviderError(`PARTCREDIT_KEYS_FILE (${path}) cannot be read as JSON: ${shape}`, 401, undefined);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new ProviderError(`PARTCREDIT_KEYS_FILE (${path}) is not a JSON object: ${shape}`, 401, undefined);
  return parsed as { openai?: string; anthropic?: string; hosts?: Record<string, string> };
}

/** Every key this environment configures (variables and the keys file), to redact from messages. */
function configuredKeys(env: NodeJS.ProcessEnv): string[] {
  const keys = Object.entries(env)
    .filter(([name]) => /^(OPENAI_API_KEY|ANTHROPIC_API_KEY|PARTCREDIT_API_KEY(_.*)?)$/.test(name))
    .map(([, v]) => v ?? '');
  try {
    const file = keysFile(env);
    keys.push(file.openai ?? '', file.anthropic ?? '', ...Object.values(file.hosts ?? {}));
  } catch {
    /* a broken keys file has no keys to redact; its own error says so */
  }
  return keys.filter((k) => typeof k === 'string' && k.length >= 4);
}

/** Shortest piece of a configured key that is redacted wherever it appears (servers echo prefixes and suffixes). */
const KEY_PIECE = 6;

/**
 * A provider's message with every secret removed: the configured keys and any piece of them
 * (a server that echoes `sk-abc...xyz` shows both ends), bearer tokens, and strings shaped like
 * API keys (`sk-...`, `sk-ant-...`, `AIza...`), so an error can be printed as it is.
 */
export function redactSecrets(message: string, keys: string[] = []): string {
  let out = message;
  for (const key of [...keys].sort((a, b) => b.length - a.length)) {
    out = out.split(key).join('[redacted]');
    // Pieces: every window of KEY_PIECE characters of the key (a 40-character key has 35).
    if (key.length >= KEY_PIECE) {
      for (let i = 0; i + KEY_PIECE <= key.length; i++) {
        const piece = key.slice(i, i + KEY_PIECE);
        if (out.includes(piece)) out = out.split(piece).join('[redacted]');
      }
    }
  }
  return out
    .replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=*-]{6,}/gi, '$1 [redacted]')
    .replace(/\b(?:sk|pk|rk)-[A-Za-z0-9_*.-]{3,}/g, '[redacted]')
    .replace(/\bAIza[0-9A-Za-z_-]{10,}/g, '[redacted]')
    .replace(/(\[redacted\][*.\w-]*)+/g, '[redacted]');
}

function missing(name: string): never {
  throw new ProviderError(`no API key: set ${name} in the environment`, 401, undefined);
}

function toProviderError(e: unknown, keys: string[]): ProviderError {
  if (e instanceof ProviderError) return e;
  const err = e as { status?: number; headers?: Headers | Record<string, string>; message?: string; name?: string };
  const header = (name: string) => {
    const h = err.headers;
    if (!h) return undefined;
    return typeof (h as Headers).get === 'function' ? ((h as Headers).get(name) ?? undefined) : (h as Record<string, string>)[name];
  };
  const retryAfter = header('retry-after');
  const ms = retryAfter ? (Number.isFinite(Number(retryAfter)) ? Number(retryAfter) * 1000 : Math.max(0, Date.parse(retryAfter) - Date.now())) : undefined;
  // A server may echo the key it was sent (a 401 body): the message is redacted before anyone sees it.
  return new ProviderError(redactSecrets(err.message ?? String(e), keys), typeof err.status === 'number' ? err.status : undefined, ms);
}

/** Sends one conversation to a model through its official SDK and returns the reply. */
export async function complete(ref: ModelRef, messages: ChatMessage[], settings: RequestSettings, signal?: AbortSignal, env: NodeJS.ProcessEnv = process.env): Promise<Completion> {
  const apiKey = apiKeyFor(ref, env);
  try {
    if (ref.provider === 'anthropic') {
      const client = new Anthropic({ apiKey, ...(ref.baseURL ? { baseURL: ref.baseURL } : {}), maxRetries: 0, timeout: settings.timeoutMs ?? 300_000 });
      const anthropicMessages = messages.map((m) => ({
        role: m.role,
        content:
          typeof m.content === 'string'
            ? m.content
            : m.content.map((p) =>
                p.type === 'text' ? { type: 'text' as const, text: p.text } : { type: 'image' as const, source: { type: 'base64' as const, media_type: p.mediaType as 'image/png', data: p.data } },
              ),
      }));
      const body = { model: ref.model, max_tokens: settings.maxTokens ?? 4096, messages: anthropicMessages, ...(settings.temperature !== undefined ? { temperature: settings.temperature } : {}) };
      if (settings.stream) {
        const stream = client.messages.stream(body, { signal });
        const final = await stream.finalMessage();
        return { text: final.content.map((c) => (c.type === 'text' ? c.text : '')).join(''), inputTokens: final.usage.input_tokens, outputTokens: final.usage.output_tokens };
      }
      const r = await client.messages.create(body, { signal });
      return { text: r.content.map((c) => (c.type === 'text' ? c.text : '')).join(''), inputTokens: r.usage.input_tokens, outputTokens: r.usage.output_tokens };
    }
    const client = new OpenAI({ apiKey, ...(ref.baseURL ? { baseURL: ref.baseURL } : {}), maxRetries: 0, timeout: settings.timeoutMs ?? 300_000 });
    const openaiMessages = messages.map((m) =>
      typeof m.content === 'string' || m.role === 'assistant'
        ? { role: m.role, content: messageText(m) }
        : {
            role: 'user' as const,
            content: m.content.map((p) => (p.type === 'text' ? { type: 'text' as const, text: p.text } : { type: 'image_url' as const, image_url: { url: `data:${p.mediaType};base64,${p.data}` } })),
          },
    );
    const body = {
      model: ref.model,
      messages: openaiMessages as OpenAI.Chat.ChatCompletionMessageParam[],
      ...(settings.temperature !== undefined ? { temperature: settings.temperature } : {}),
      ...(settings.maxTokens !== undefined ? { max_completion_tokens: settings.maxTokens } : {}),
      ...(settings.reasoningEffort ? { reasoning_effort: settings.reasoningEffort as 'low' | 'medium' | 'high' } : {}),
    };
    if (settings.stream) {
      const stream = await client.chat.completions.create({ ...body, stream: true, stream_options: { include_usage: true } }, { signal });
      let text = '';
      let usage = { prompt_tokens: 0, completion_tokens: 0 };
      for await (const chunk of stream) {
        text += chunk.choices[0]?.delta?.content ?? '';
        if (chunk.usage) usage = chunk.usage;
      }
      return { text, inputTokens: usage.prompt_tokens, outputTokens: usage.completion_tokens };
    }
    const r = await client.chat.completions.create(body, { signal });
    return { text: r.choices[0]?.message?.content ?? '', inputTokens: r.usage?.prompt_tokens ?? 0, outputTokens: r.usage?.completion_tokens ?? 0 };
  } catch (e) {
    throw toProviderError(e, [apiKey, ...configuredKeys(env)]);
  }
}
