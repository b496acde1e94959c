/**
 * The names chats give their two sides, shared by every reader of speakers (the transcript readers,
 * the JSON-chat reader, group chats, headers): one vocabulary, so that a model one reader knows
 * every reader knows.
 */

/** Names chat sites and exporters give the model's turns (`## Grok`, `**Le Chat:**`, `### Perplexity`; Russian sites' `GigaChat 2 Max`, `YandexGPT 5 Pro`, `Алиса`). */
export const ASSISTANT_NAMES = String.raw`Assistant|AI|Model|Bot|ChatGPT|Claude|Kimi|Gemini|DeepSeek|GPT[-\w.]*|Grok|Mistral(?: AI)?|Le\s?Chat|Perplexity|(?:Microsoft |GitHub )?Copilot|Qwen[-\w.]*|Llama|Meta AI|Bard|Bing(?: Chat)?|Mixtral|Gemma|Doubao|ChatGLM|GLM[-\w.]*|Ernie|Hunyuan|o[134](?:-mini|-pro)?|GigaChat|YandexGPT|Алиса|豆包|通义千问|文心一言|元宝|智谱清言`;
/** A model's version after its name (`Grok 4`, `Llama 3.1 405B`, `Mistral Large 2`, `Claude 3.5 Sonnet`): part of the speaker, not the turn's first words. */
export const VERSION = String.raw`(?:[- ]?v?\d[\w.-]*)?(?:[- ]+(?:v?\d[\w.-]*|Large|Medium|Small|Pro|Max|Plus|Turbo|Mini|Flash|Lite|Ultra|Sonnet|Opus|Haiku|Nano|Heavy|Instruct|Chat|Thinking|Reasoning|Preview|Experimental)(?![A-Za-z]))*`;
// `You said` / `You sent`: how ChatGPT's and Meta AI's pages head the person's turn when copied.
// (`用户` and `我` as Chinese chat pages copied as text head them.)
/** The person's names as chats head their turns. */
export const USER_NAMES = 'User|Human|You(?: said| sent)?|Me|Student|Prompt|用户|我';

/** A whole name the readers know as a person's (`User`, `You said`) or a model's (`Claude 3.5 Sonnet`, `GigaChat 2 Max`). */
export const KNOWN_USER = new RegExp(`^(?:${USER_NAMES})$`, 'i');
export const KNOWN_MODEL = new RegExp(`^(?:${ASSISTANT_NAMES})${VERSION}$`, 'i');
