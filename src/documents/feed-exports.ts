import { type ChildNode, type Element, hasChildren, isText } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { elements } from './dom.js';
import { htmlToMarkdown } from './html/index.js';

/**
 * A blog's backup or feed (Blogger's Atom backup, any Atom or RSS feed, WordPress's WXR export) is its
 * posts with their readers' comments, each entry's content HTML written as the XML's text (escaped, or in
 * CDATA). Read as written, the markup is all entities and the blog's settings are read with its posts;
 * read as the blog shows it, each post is its title over its content as a page, in the order the posts
 * were written (a feed lists the newest first). Entries that are no post (Blogger's settings, template
 * and page entries; WordPress's attachments, menus, revisions, trashed or spam items) are not content;
 * pages are read only when the blog has no post. A comment follows the post it answers (Atom's
 * `thr:in-reply-to`, WXR's nesting), in time order; only the post's author's comments are the
 * submission's words, as on a page's comment section: readers' comments are theirs.
 */

/** The cheap test: the XML's root is a feed's (after its declaration, stylesheet and comments). */
const FEED_ROOT = /^\uFEFF?\s*(?:<\?xml[^>]*\?>\s*)*(?:<!--[\s\S]{0,2000}?-->\s*)*<(?:feed|rss|rdf:RDF)\b/;
/** The most entries read: a backup of a blog's whole history is still one submission. */
const MAX_ENTRIES = 5000;

/** One entry of a feed: a post or a comment. */
interface Entry {
  id: string;
  title: string;
  /** The content as HTML. */
  html: string;
  author: Author;
  /** When it was published, in milliseconds (NaN when the feed gives no date). */
  time: number;
  /** The post a comment answers, by the post's id; undefined for a post. */
  replyTo?: string;
  /** The order the feed lists it in, for entries of the same time. */
  order: number;
}

/** Who wrote an entry, as far as the feed says: names, addresses and account numbers. */
interface Author {
  names: string[];
  emails: string[];
  ids: string[];
}

/** The text of a node and everything under it, CDATA included (entities are decoded by the parser). */
function textIn(node: ChildNode): string {
  const out: string[] = [];
  const stack: ChildNode[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (isText(n)) out.push(n.data);
    else if (hasChildren(n)) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return out.join('');
}

/** The first child element named one of `names`. */
function child(el: Element, ...names: string[]): Element | undefined {
  return elements(el).find((c) => names.includes(c.name.toLowerCase()));
}

/** The text of the first child element named one of `names`, trimmed ('' when there is none). */
function field(el: Element, ...names: string[]): string {
  const c = child(el, ...names);
  return c ? textIn(c).trim() : '';
}

/** Text as HTML's text: its markup's three characters escaped. */
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Plain text as HTML: its blank lines paragraphs, its other line breaks breaks (as WordPress's autop shows it). */
function plainAsHtml(text: string): string {
  return escapeHtml(text)
    .split(/\r?\n[ \t]*\r?\n/)
    .filter((p) => p.trim())
    .map((p) => `<p>${p.trim().replace(/\r?\n/g, '<br>\n')}</p>`)
    .join('\n');
}

/** HTML with no block of its own (a classic WordPress post, a comment): its blank lines are its paragraphs. */
function withParagraphs(html: string): string {
  return /<(?:p|div|br|h[1-6]|ul|ol|table|blockquote|pre|figure)\b/i.test(html) ? html : plainAsHtml(html);
}

/** An Atom entry's content as HTML, by its `type`: escaped HTML, inline XHTML (sliced from the source), or text. */
function atomContent(entry: Element, source: string): string {
  const content = child(entry, 'content') ?? child(entry, 'summary');
  if (!content) return '';
  const type = (content.attribs.type ?? 'text').toLowerCase();
  if (type === 'xhtml') {
    const first = content.children[0];
    const last = content.children[content.children.length - 1];
    return first && last && first.startIndex !== null && last.endIndex !== null ? source.slice(first.startIndex, last.endIndex + 1) : '';
  }
  const text = textIn(content);
  return type === 'html' || type === 'text/html' ? withParagraphs(text) : plainAsHtml(text);
}

/** What a Blogger entry is, from its kind category (`...kind#post`); undefined when the feed does not say. */
function atomKind(entry: Element): string | undefined {
  for (const c of elements(entry)) {
    if (c.name !== 'category' || !/#kind$/.test(c.attribs.scheme ?? '')) continue;
    return /#(\w+)$/.exec(c.attribs.term ?? '')?.[1]?.toLowerCase();
  }
  return undefined;
}

/** An Atom element's author: the name, address and profile its `<author>` gives. */
function atomAuthor(entry: Element): Author {
  const a = child(entry, 'author');
  if (!a) return { names: [], emails: [], ids: [] };
  const email = field(a, 'email');
  return {
    names: [field(a, 'name')].filter(Boolean),
    // (Blogger writes the same `noreply@blogger.com` for everyone: no one's address.)
    emails: email && !/^noreply@/i.test(email) ? [email] : [],
    ids: [field(a, 'uri')].filter(Boolean),
  };
}

/** An Atom feed's posts and comments (Blogger's settings, template and page entries apart, pages kept for a blog with no post). */
function atomEntries(feed: Element, source: string): { posts: Entry[]; comments: Entry[]; pages: Entry[] } {
  const posts: Entry[] = [];
  const comments: Entry[] = [];
  const pages: Entry[] = [];
  const feedAuthor = atomAuthor(feed);
  for (const [order, e] of elements(feed)
    .filter((c) => c.name === 'entry')
    .slice(0, MAX_ENTRIES)
    .entries()) {
    const reply = child(e, 'thr:in-reply-to');
    const kind = atomKind(e) ?? (reply ? 'comment' : 'post');
    const own = atomAuthor(e);
    const entry: Entry = {
      id: field(e, 'id'),
      title: field(e, 'title'),
      html: atomContent(e, source),
      author: own.names.length ? own : feedAuthor,
      time: Date.parse(field(e, 'published', 'updated')),
      order,
      ...(reply ? { replyTo: reply.attribs.ref ?? '' } : {}),
    };
    if (kind === 'post') posts.push(entry);
    else if (kind === 'comment') comments.push(entry);
    else if (kind === 'page') pages.push(entry);
  }
  return { posts, comments, pages };
}

/** Statuses of a WordPress item or comment that the blog never shows. */
const HIDDEN_STATUS = /^(?:trash|auto-draft|inherit|spam)$/i;

/** An RSS feed's items (WordPress's WXR among them) as posts and pages, with the comments WXR nests in them. */
function rssEntries(channel: Element): { posts: Entry[]; comments: Entry[]; pages: Entry[] } {
  const posts: Entry[] = [];
  const comments: Entry[] = [];
  const pages: Entry[] = [];
  // (WXR names the blog's authors once, and each item by its author's login.)
  const authors = new Map<string, Author>();
  for (const a of elements(channel).filter((c) => c.name === 'wp:author')) {
    const login = field(a, 'wp:author_login');
    authors.set(login.toLowerCase(), {
      names: [login, field(a, 'wp:author_display_name')].filter(Boolean),
      emails: [field(a, 'wp:author_email')].filter(Boolean),
      ids: [field(a, 'wp:author_id')].filter(Boolean),
    });
  }
  let order = 0;
  for (const item of elements(channel)
    .filter((c) => c.name === 'item')
    .slice(0, MAX_ENTRIES)) {
    const type = field(item, 'wp:post_type').toLowerCase() || 'post';
    if (HIDDEN_STATUS.test(field(item, 'wp:status')) || (type !== 'post' && type !== 'page')) continue;
    const creator = field(item, 'dc:creator', 'author');
    const id = field(item, 'wp:post_id', 'guid', 'link') || `item-${order}`;
    const post: Entry = {
      id,
      title: field(item, 'title'),
      html: withParagraphs(field(item, 'content:encoded') || field(item, 'description')),
      author: authors.get(creator.toLowerCase()) ?? { names: [creator].filter(Boolean), emails: [], ids: [] },
      time: Date.parse(field(item, 'pubdate', 'dc:date') || field(item, 'wp:post_date_gmt', 'wp:post_date').replace(' ', 'T')),
      order: order++,
    };
    (type === 'page' ? pages : posts).push(post);
    for (const c of elements(item).filter((e) => e.name === 'wp:comment')) {
      if (HIDDEN_STATUS.test(field(c, 'wp:comment_approved')) || /^(?:pingback|trackback)$/i.test(field(c, 'wp:comment_type'))) continue;
      const userId = field(c, 'wp:comment_user_id');
      comments.push({
        id: field(c, 'wp:comment_id'),
        title: '',
        html: withParagraphs(field(c, 'wp:comment_content')),
        author: {
          names: [field(c, 'wp:comment_author')].filter(Boolean),
          emails: [field(c, 'wp:comment_author_email')].filter(Boolean),
          ids: userId && userId !== '0' ? [userId] : [],
        },
        time: Date.parse(field(c, 'wp:comment_date_gmt', 'wp:comment_date').replace(' ', 'T')),
        replyTo: id,
        order: order++,
      });
    }
  }
  return { posts, comments, pages };
}

/** A name as two writers' names are compared: without a badge in brackets (`Hannah (author)`), case or spacing. */
function nameKey(name: string): string {
  return name
    .replace(/[([{][^)\]}]*[)\]}]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Whether two entries' authors are one person: a name, an address or an account they share. */
function sameAuthor(a: Author, b: Author): boolean {
  const shared = (x: string[], y: string[], key: (s: string) => string) => x.some((s) => key(s) && y.some((t) => key(t) === key(s)));
  return shared(a.names, b.names, nameKey) || shared(a.emails, b.emails, (s) => s.toLowerCase()) || shared(a.ids, b.ids, (s) => s);
}

/** Entries in the order they were written (the feed's own order where it gives no date). */
function byTime(entries: Entry[]): Entry[] {
  return [...entries].sort((x, y) => (Number.isNaN(x.time) || Number.isNaN(y.time) ? 0 : x.time - y.time) || x.order - y.order);
}

/** A blog's backup or feed read as its posts (see above); any other text as it is. */
export function feedAsMarkdown(text: string): string {
  if (!FEED_ROOT.test(text.slice(0, 4000)) || !/<(?:entry|item)\b/.test(text)) return text;
  const doc = parseDocument(text, { xmlMode: true, decodeEntities: true, withStartIndices: true, withEndIndices: true });
  const root = elements(doc as unknown as Element).find((e) => e.name === 'feed' || e.name === 'rss' || e.name === 'rdf:RDF');
  if (!root) return text;
  const channel = root.name === 'feed' ? undefined : root.name === 'rss' ? child(root, 'channel') : root;
  const read = channel ? rssEntries(channel) : atomEntries(root, text);
  const posts = byTime(read.posts.length ? read.posts : read.pages);
  if (!posts.length) return text;
  const comments = byTime(read.comments);
  const html = posts.map((post) => {
    const own = comments.filter((c) => (c.replyTo === post.id || (posts.length === 1 && !c.replyTo)) && sameAuthor(c.author, post.author));
    return [post.title ? `<h1>${escapeHtml(post.title)}</h1>` : '', post.html, ...own.map((c) => `<div>${c.html}</div>`)].join('\n');
  });
  const page = htmlToMarkdown(`<html><body>${html.join('\n<hr>\n')}</body></html>`, 'feed');
  return page.text || text;
}
