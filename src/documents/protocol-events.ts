import { decodeHTMLStrict } from 'entities';
import type { Message } from '../model/submission.js';
import { KNOWN_MODEL } from './speaker-names.js';

/**
 * A messaging protocol's event log, as its tools dump it: Nostr's NIP-01 events (`nak req`, a relay's
 * JSON lines), a Matrix room's events (Element's JSON export), Mastodon's statuses (the API's
 * timeline or a status's context), Bluesky's post views (`app.bsky.feed.post` records in a thread
 * or a feed), Misskey's notes (the API's, or a notes export of the exporter's own), ActivityPub's
 * activities (an outbox's `Create` of a `Note`, its `Update` and `Delete`). Each is a set of
 * messages, each with an author's id, a time and a link to the message it replies to, among
 * events that are no one's words: reactions (`+`, an emoji), profiles, reposts and boosts, edits,
 * deletions, receipts. Tools list them as the server returned them, often newest first, so a
 * file's order says nothing of the conversation's.
 *
 * Read as people read the thread: only messages are posts, each under the latest edit of its words
 * and without the ones deleted; a post follows the one it replies to (replies to one post in time
 * order), so a correction after a push-back stays with the post it corrects; the authors are named
 * by their profiles, and an author is a model's when its profile says it is a bot (Nostr's and
 * Mastodon's `bot` flag, Matrix's `m.notice`, which the spec reserves for bots) or its name or
 * self-description names a model.
 */

/** One message of a thread, as read. */
export interface ThreadPost {
  id?: string;
  author: string;
  time: number;
  text: string;
  replyTo?: string;
}

/** Who wrote posts: their name, and whether they are a model (a bot's account). */
export interface ThreadAuthor {
  name?: string;
  model: boolean;
}

/** A protocol thread's posts in reading order, and its authors by id. */
export interface ProtocolThread {
  posts: ThreadPost[];
  authors: Map<string, ThreadAuthor>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** A self-description that says its writer is a bot or a model (`an AI assistant`, `GPT-4o bot`, `automated account`). */
const SAYS_BOT = /\b(?:bot|chatbot|AI assistant|language model|automated account|LLM-powered|powered by)\b/i;

/** Whether a name, or a word or two of it, is a model's (`Claude 3.5 Sonnet`, `TutorBot`, `llama-helper`). */
function namesModel(text: string | undefined): boolean {
  if (!text) return false;
  const words = text.split(/[\s_.@:/()-]+/).filter(Boolean);
  return words.some((w, i) => KNOWN_MODEL.test(w) || (i + 1 < words.length && KNOWN_MODEL.test(`${w} ${words[i + 1]}`))) || /bot$/i.test(words.at(-1) ?? '');
}

/** What is learnt of an author from a profile: a name, and whether it says it is a model's. */
function authorOf(name: string | undefined, about: string | undefined, botFlag: unknown): ThreadAuthor {
  const model = botFlag === true || namesModel(name) || (!!about && (SAYS_BOT.test(about) || namesModel(about.slice(0, 200))));
  return { ...(name?.trim() ? { name: name.trim() } : {}), model };
}

/** Words left in a post's text by the mentions a protocol encodes (`nostr:npub1...` at its start, a bare `nostr:nevent1...` reference). */
function withoutProtocolMentions(text: string): string {
  return text
    .replace(/^(?:\s*nostr:n(?:pub|profile)1[0-9a-z]+[ \t]*[,:]?)+[ \t]*/, '')
    .replace(/nostr:n(?:pub|profile)1[0-9a-z]+/g, '@')
    .replace(/nostr:(?:note|nevent|naddr)1[0-9a-z]+/g, '')
    .trim();
}

/** A status's HTML as the text a reader sees: paragraphs and breaks as lines, mentions and links as their words. */
function statusText(html: string): string {
  if (!/[<&]/.test(html)) return html;
  return decodeHTMLStrict(
    html
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
      .replace(/<[^>]+>/g, ''),
  ).trim();
}

/** What one recogniser gives: the posts it read, profiles it learnt, edits and deletions to apply. */
interface Collected {
  posts: ThreadPost[];
  authors: Map<string, ThreadAuthor>;
  /** Later words for a post, by its id, each with when they were written. */
  edits: Map<string, { text: string; time: number }>;
  deleted: Set<string>;
  /** The posts reposts and boosts carry, added to the thread when it lacks them. */
  reposted: Record<string, unknown>[];
}

/** Nostr's kinds that are someone's words: a note, a thread, a chat or channel message, a comment, an article. */
const NOSTR_TEXT_KINDS = new Set([1, 11, 14, 42, 1111, 30023]);

/** Whether an object is a Nostr event (NIP-01). */
function isNostrEvent(o: Record<string, unknown>): boolean {
  return typeof o.kind === 'number' && typeof o.pubkey === 'string' && typeof o.created_at === 'number' && Array.isArray(o.tags) && typeof o.content === 'string';
}

/** The event a Nostr note replies to: its `e` tag marked `reply`, else the one marked `root`, else (the deprecated positional form) its last unmarked `e` tag. */
function nostrReplyTo(tags: unknown[]): string | undefined {
  const e = tags.filter((t): t is string[] => Array.isArray(t) && t[0] === 'e' && typeof t[1] === 'string');
  return (e.find((t) => t[3] === 'reply') ?? e.find((t) => t[3] === 'root') ?? e.filter((t) => !t[3]).at(-1))?.[1];
}

function readNostr(o: Record<string, unknown>, into: Collected): void {
  const kind = o.kind as number;
  const author = o.pubkey as string;
  const content = o.content as string;
  if (kind === 0) {
    let profile: unknown;
    try {
      profile = JSON.parse(content);
    } catch {
      return;
    }
    if (isObject(profile)) into.authors.set(author, authorOf(str(profile.display_name) || str(profile.displayName) || str(profile.name), str(profile.about), profile.bot));
    return;
  }
  if (kind === 5) {
    // (A deletion request counts for its author's own events only.)
    for (const t of o.tags as unknown[]) if (Array.isArray(t) && t[0] === 'e' && typeof t[1] === 'string') into.deleted.add(`${author} ${t[1]}`);
    return;
  }
  if (kind === 6 || kind === 16) {
    try {
      const inner = JSON.parse(content);
      if (isObject(inner) && isNostrEvent(inner)) into.reposted.push(inner);
    } catch {
      // (A repost may carry no copy of the event: nothing to add.)
    }
    return;
  }
  if (!NOSTR_TEXT_KINDS.has(kind)) return;
  const replyTo = nostrReplyTo(o.tags as unknown[]);
  into.posts.push({ ...(typeof o.id === 'string' ? { id: o.id } : {}), author, time: o.created_at as number, text: withoutProtocolMentions(content), ...(replyTo ? { replyTo } : {}) });
}

/** Whether an object is a Matrix room event. */
function isMatrixEvent(o: Record<string, unknown>): boolean {
  return typeof o.type === 'string' && o.type.startsWith('m.') && typeof o.sender === 'string' && o.sender.startsWith('@') && isObject(o.content);
}

/** Matrix's message types that are words (`m.notice` is a bot's, by the spec). */
const MATRIX_TEXT = /^m\.(?:text|notice|emote)$/;

/** A Matrix reply's body without the quoted fallback of the message it answers (`> <@dana:example.org> ...` lines, then a blank line). */
function withoutReplyFallback(body: string): string {
  return body.replace(/^(?:>[^\n]*\n)+\n?/, '');
}

function readMatrix(o: Record<string, unknown>, into: Collected): void {
  const content = o.content as Record<string, unknown>;
  const time = typeof o.origin_server_ts === 'number' ? o.origin_server_ts : 0;
  if (o.type === 'm.room.member' && typeof o.state_key === 'string') {
    const known = into.authors.get(o.state_key);
    const name = str(content.displayname);
    if (name) into.authors.set(o.state_key, { name, model: (known?.model ?? false) || namesModel(name) });
    return;
  }
  if (o.type === 'm.room.redaction') {
    const target = str(o.redacts) ?? str(content.redacts);
    if (target) into.deleted.add(`${o.sender} ${target}`);
    return;
  }
  if (o.type !== 'm.room.message' || isObject((o.unsigned as Record<string, unknown> | undefined)?.redacted_because)) return;
  const msgtype = str(content.msgtype) ?? '';
  if (!MATRIX_TEXT.test(msgtype)) return;
  const relation = isObject(content['m.relates_to']) ? (content['m.relates_to'] as Record<string, unknown>) : undefined;
  if (relation?.rel_type === 'm.replace' && typeof relation.event_id === 'string') {
    const replaced = isObject(content['m.new_content']) ? str((content['m.new_content'] as Record<string, unknown>).body) : undefined;
    const before = into.edits.get(relation.event_id);
    if (replaced !== undefined && (!before || before.time <= time)) into.edits.set(relation.event_id, { text: replaced, time });
    return;
  }
  if (msgtype === 'm.notice') into.authors.set(o.sender as string, { ...into.authors.get(o.sender as string), model: true });
  const body = str(content.body);
  if (!body) return;
  const inReply = isObject(relation?.['m.in_reply_to']) ? str((relation!['m.in_reply_to'] as Record<string, unknown>).event_id) : undefined;
  const replyTo = inReply ?? (relation?.rel_type === 'm.thread' ? str(relation.event_id) : undefined);
  into.posts.push({
    ...(typeof o.event_id === 'string' ? { id: o.event_id } : {}),
    author: o.sender as string,
    time,
    text: inReply ? withoutReplyFallback(body) : body,
    ...(replyTo ? { replyTo } : {}),
  });
}

/** Whether an object is a Mastodon (ActivityPub server API) status. */
function isMastodonStatus(o: Record<string, unknown>): boolean {
  return isObject(o.account) && (typeof o.account.acct === 'string' || typeof o.account.username === 'string') && typeof o.created_at === 'string' && 'content' in o;
}

function readMastodon(o: Record<string, unknown>, into: Collected): void {
  const account = o.account as Record<string, unknown>;
  const author = str(account.acct) ?? str(account.username)!;
  if (!into.authors.has(author)) into.authors.set(author, authorOf(str(account.display_name) || author, statusText(str(account.note) ?? ''), account.bot));
  // (A boost is the booster's share of someone's status, no words of theirs.)
  if (isObject(o.reblog)) {
    into.reposted.push(o.reblog);
    return;
  }
  const text = statusText(str(o.content) ?? '');
  // (A status edited since is served with its latest words: `content` is them.)
  const time = Date.parse(o.created_at as string);
  if (!text || Number.isNaN(time)) return;
  const id = str(o.id) ?? (typeof o.id === 'number' ? String(o.id) : undefined);
  const replyTo = str(o.in_reply_to_id);
  into.posts.push({ ...(id ? { id } : {}), author, time, text, ...(replyTo ? { replyTo } : {}) });
}

/** Whether an object is a Bluesky post view (its `record` an `app.bsky.feed.post`). */
function isBlueskyPost(o: Record<string, unknown>): boolean {
  return isObject(o.record) && o.record.$type === 'app.bsky.feed.post' && isObject(o.author) && (typeof o.author.did === 'string' || typeof o.author.handle === 'string');
}

function readBluesky(o: Record<string, unknown>, into: Collected): void {
  const record = o.record as Record<string, unknown>;
  const account = o.author as Record<string, unknown>;
  const author = str(account.did) ?? str(account.handle)!;
  if (!into.authors.has(author)) {
    const labels = Array.isArray(account.labels) ? account.labels : [];
    const flagged = labels.some((l) => isObject(l) && /bot/i.test(str(l.val) ?? ''));
    into.authors.set(author, authorOf(str(account.displayName) || str(account.handle), str(account.description), flagged));
  }
  const text = str(record.text) ?? '';
  const time = Date.parse(str(record.createdAt) ?? str(o.indexedAt) ?? '');
  if (!text.trim() || Number.isNaN(time)) return;
  const reply = isObject(record.reply) ? record.reply : undefined;
  const replyTo = reply && isObject(reply.parent) ? str(reply.parent.uri) : undefined;
  into.posts.push({ ...(typeof o.uri === 'string' ? { id: o.uri } : {}), author, time, text, ...(replyTo ? { replyTo } : {}) });
}

/** Whether an object is a Misskey note (the API's, or one of a notes export, which names no author: the exporter's own). */
function isMisskeyNote(o: Record<string, unknown>): boolean {
  return typeof o.id === 'string' && typeof o.createdAt === 'string' && 'replyId' in o && 'renoteId' in o && (typeof o.text === 'string' || o.text === null);
}

/** The author of notes that name none: the one who exported them. */
const EXPORTER = 'the exporter';

function readMisskey(o: Record<string, unknown>, into: Collected): void {
  const user = isObject(o.user) ? o.user : undefined;
  const author = str(o.userId) ?? str(user?.id) ?? str(user?.username) ?? EXPORTER;
  if (user && !into.authors.has(author)) into.authors.set(author, authorOf(str(user.name) || str(user.username), str(user.description), user.isBot));
  // (A renote without words of its own is a share of someone's note.)
  if (o.text === null) {
    if (isObject(o.renote)) into.reposted.push(o.renote);
    return;
  }
  const time = Date.parse(o.createdAt as string);
  if (Number.isNaN(time)) return;
  // (A content warning is shown above the note's hidden words: the writer's too.)
  const cw = str(o.cw)?.trim();
  const text = cw ? `${cw}\n\n${o.text as string}` : (o.text as string);
  const replyTo = str(o.replyId);
  into.posts.push({ id: o.id as string, author, time, text, ...(replyTo ? { replyTo } : {}) });
}

/** ActivityPub's activities that carry or change someone's words (an outbox's `orderedItems`, Mastodon's archive). */
const ACTIVITY_TYPES = new Set(['Create', 'Update', 'Delete', 'Announce']);

/** Whether an object is an ActivityPub activity carrying an object. */
function isActivityPubActivity(o: Record<string, unknown>): boolean {
  return typeof o.type === 'string' && ACTIVITY_TYPES.has(o.type) && 'actor' in o && 'object' in o;
}

/** The id an ActivityPub reference names: the string itself, or an embedded object's `id`. */
const referenceId = (v: unknown): string | undefined => str(v) ?? (isObject(v) ? str(v.id) : undefined);

function readActivityPub(o: Record<string, unknown>, into: Collected): void {
  const object = isObject(o.object) ? o.object : undefined;
  const author = referenceId(o.actor) ?? referenceId(object?.attributedTo) ?? EXPORTER;
  const id = referenceId(o.object);
  if (o.type === 'Delete') {
    if (id) into.deleted.add(`${author} ${id}`);
    return;
  }
  // (A boost shares someone's note, named by its address only: no words of the booster's.)
  if (o.type === 'Announce' || !object || typeof object.content !== 'string') return;
  const text = statusText(object.content);
  const time = Date.parse(str(object.published) ?? str(o.published) ?? '');
  if (!text || Number.isNaN(time)) return;
  if (o.type === 'Update') {
    const before = id ? into.edits.get(id) : undefined;
    const edited = Date.parse(str(object.updated) ?? str(o.published) ?? '') || time;
    if (id && (!before || before.time <= edited)) into.edits.set(id, { text, time: edited });
    return;
  }
  const replyTo = referenceId(object.inReplyTo);
  into.posts.push({ ...(id ? { id } : {}), author, time, text, ...(replyTo ? { replyTo } : {}) });
}

/** The protocols' recognisers: whether an object is one of its events, and how it is read. */
const PROTOCOLS: [(o: Record<string, unknown>) => boolean, (o: Record<string, unknown>, into: Collected) => void][] = [
  [isNostrEvent, readNostr],
  [isMatrixEvent, readMatrix],
  [isMastodonStatus, readMastodon],
  [isBlueskyPost, readBluesky],
  [isMisskeyNote, readMisskey],
  [isActivityPubActivity, readActivityPub],
];

/**
 * The Bot Framework's activity types (and Slack's and Teams' alike) that are no message: someone typing,
 * a member joining, an app's event or a trace with its `value`, a reaction. Spelled as the schema spells them.
 */
const NON_MESSAGE_ACTIVITY = new Set([
  'typing',
  'event',
  'conversationUpdate',
  'contactRelationUpdate',
  'installationUpdate',
  'invoke',
  'invokeResponse',
  'trace',
  'endOfConversation',
  'messageReaction',
  'messageUpdate',
  'messageDelete',
  'handoff',
  'delay',
  'suggestion',
  'command',
  'commandResult',
]);

/**
 * Whether a record is a chat activity that is no message (NON_MESSAGE_ACTIVITY): an activity is known by
 * its `type` beside who sent it (`from`) and the conversation or channel it was in. Its words, if any
 * (an event's `value`, a trace's), are no one's turn.
 */
export function isNonMessageActivity(o: Record<string, unknown>): boolean {
  return typeof o.type === 'string' && NON_MESSAGE_ACTIVITY.has(o.type) && isObject(o.from) && (isObject(o.conversation) || typeof o.channelId === 'string');
}

/** The most objects a document is walked through looking for events. */
const WALK_LIMIT = 50_000;

/**
 * Posts in reading order: each thread's first post by time, every post followed by its replies, each
 * reply in time order (and after them, what it in turn replies to) — a depth-first walk from the
 * roots, which in a chat where each message answers the last is time order.
 */
function readingOrder(posts: ThreadPost[]): ThreadPost[] {
  const byId = new Map(posts.filter((p) => p.id).map((p) => [p.id!, p]));
  const children = new Map<string, ThreadPost[]>();
  const roots: ThreadPost[] = [];
  for (const p of posts) {
    const parent = p.replyTo && p.replyTo !== p.id ? byId.get(p.replyTo) : undefined;
    if (parent) children.set(parent.id!, [...(children.get(parent.id!) ?? []), p]);
    else roots.push(p);
  }
  const byTime = (a: ThreadPost, b: ThreadPost) => a.time - b.time;
  const ordered: ThreadPost[] = [];
  const seen = new Set<ThreadPost>();
  const stack = [...roots].sort(byTime).reverse();
  while (stack.length) {
    const p = stack.pop()!;
    if (seen.has(p)) continue;
    seen.add(p);
    ordered.push(p);
    const replies = p.id ? (children.get(p.id) ?? []) : [];
    stack.push(...[...replies].sort(byTime).reverse());
  }
  // (A cycle of replies, which a forged log could hold, leaves posts unreached: they follow in time order.)
  return ordered.length === posts.length ? ordered : [...ordered, ...posts.filter((p) => !seen.has(p)).sort(byTime)];
}

/**
 * The thread a JSON document holds when it is a protocol's event log (module comment): two posts or
 * more, in reading order, and their authors; undefined for any other JSON.
 */
export function protocolThread(json: unknown): ProtocolThread | undefined {
  const into: Collected = { posts: [], authors: new Map(), edits: new Map(), deleted: new Set(), reposted: [] };
  let seen = 0;
  const walk = (v: unknown, depth: number) => {
    if (depth > 12 || ++seen > WALK_LIMIT) return;
    if (Array.isArray(v)) {
      for (const x of v) if (typeof x === 'object' && x !== null) walk(x, depth + 1);
      return;
    }
    if (!isObject(v)) return;
    const protocol = PROTOCOLS.find(([is]) => is(v));
    // (An event's own fields hold no other events: a status's `reblog` is read as its boost.)
    if (protocol) return protocol[1](v, into);
    for (const x of Object.values(v)) if (typeof x === 'object' && x !== null) walk(x, depth + 1);
  };
  walk(json, 0);
  // A repost carries the post it shares: that post is the thread's when the log lacks it (a relay returned only the repost).
  const ids = new Set(into.posts.map((p) => p.id));
  for (const inner of into.reposted) {
    const protocol = PROTOCOLS.find(([is]) => is(inner));
    const before = into.posts.length;
    if (protocol) protocol[1](inner, { ...into, reposted: [] });
    if (into.posts.length > before && ids.has(into.posts.at(-1)!.id)) into.posts.pop();
    else if (into.posts.length > before) ids.add(into.posts.at(-1)!.id);
  }
  const posts = into.posts
    .filter((p) => !(p.id && into.deleted.has(`${p.author} ${p.id}`)))
    .map((p) => {
      const edit = p.id ? into.edits.get(p.id) : undefined;
      return edit ? { ...p, text: edit.text } : p;
    })
    .filter((p) => p.text.trim());
  if (posts.length < 2) return undefined;
  for (const p of posts) if (!into.authors.has(p.author)) into.authors.set(p.author, { model: false });
  return { posts: readingOrder(posts), authors: into.authors };
}

/**
 * A thread with a model among its authors as a chat: the model's posts its turns, everyone else's the
 * person's (the one who asked it, or classmates beside them); undefined when no author is a model's.
 */
export function threadAsChat(thread: ProtocolThread): Message[] | undefined {
  if (![...thread.authors.values()].some((a) => a.model)) return undefined;
  return thread.posts.map((p): Message => ({ role: thread.authors.get(p.author)?.model ? 'assistant' : 'user', text: p.text.trim() }));
}

/** A line of hashtags alone (`#EECS182 #LLM評価`): a post's filing, no words of its answer. */
const HASHTAG_LINE = /^[ \t]*#[\p{L}\p{N}_]+(?:[ \t]+#[\p{L}\p{N}_]+)*[ \t]*$/gmu;

/** A post's text without its lines of hashtags. */
const withoutHashtagLines = (text: string): string => text.replace(HASHTAG_LINE, '');

/**
 * A thread with no model among its authors as its starter's write-up: a person posting what a model
 * answered, part by part, with their verdicts, as they would on a forum. Only the starter's posts are
 * their answers (another's reply, a classmate's correction, is a comment on them), in reading order,
 * a rule between them.
 */
export function threadAsWriteup(thread: ProtocolThread): string | undefined {
  if ([...thread.authors.values()].some((a) => a.model)) return undefined;
  const starter = thread.posts[0]!.author;
  // (A person's own timeline, a notes export or an outbox, holds their work's thread among unrelated
  // notes: when posts reply to others, the thread is the posts in such a chain, not the notes alone.)
  const ids = new Set(thread.posts.map((p) => p.id));
  const chained = new Set<string | undefined>();
  for (const p of thread.posts) if (p.replyTo && ids.has(p.replyTo) && p.replyTo !== p.id) chained.add(p.id).add(p.replyTo);
  const starters = thread.posts.filter((p) => p.author === starter);
  const inChains = starters.filter((p) => p.id && chained.has(p.id));
  const own = (inChains.length ? inChains : starters).map((p) => withoutHashtagLines(p.text).trim()).filter(Boolean);
  return own.length ? `${own.join('\n\n---\n\n')}\n` : undefined;
}
