import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devSkip, gradedFixtureFile } from './hw4-dev.js';
import { feedAsMarkdown } from '../src/documents/feed-exports.js';
import { withoutSignature } from '../src/documents/email-thread.js';

// Blind round 42's blog backup and newsgroup thread: a blog's backup or feed is its posts (their HTML
// escaped or in CDATA as the XML's text) with their comments, among entries that are no post; a
// newsgroup or mailing-list article is headers and a body whose `> ` lines are the earlier article's,
// whose signature under `-- ` and sign-off under a valediction are no answer, and whose sections are
// headed by labels framed in rules. Each in documents of our own (WordPress's WXR, a Substack RSS feed
// listed newest first, a Jekyll Atom feed with XHTML and escaped HTML entries, a pipermail mbox), with
// near misses: the model's own wrong final answer, and a quoted wrong answer that a reply corrects.

const graded = (file: string) => gradedFixtureFile('feeds-and-articles', file);

test("a WordPress export is its posts: pages, attachments and spam apart, and a reader's comment that corrects the post no answer of the post's", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('wordpress-wxr-comments.xml'), {
    '1.a': 'correct: 2 c d_out^2 d_in',
    '2.b': 'incorrect: c = 1/d_in',
    '4.c': 'incorrect: K^L',
  });
});

test("an RSS feed lists its newest post first: a later post's revised answer is the final one, and a post's own wrong answer stays wrong", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('substack-rss-newest-first.xml'), {
    '1.b': 'incorrect: > Using the Gram matrix does not change the leading cost: both products together still cost 2c·d_out²·d_in',
    '2.c': 'correct: sqrt(d_out)',
    '2.e': 'correct: alpha = sqrt(d_out)',
  });
});

test('an Atom feed reads its XHTML and escaped HTML entries as pages, in the order they were written', { skip: devSkip }, async () => {
  const parts = await graded('jekyll-atom-feed.xml');
  assert.match(parts['3.b']!, /^correct: .*time invariance/);
  assert.equal(parts['3.c'], 'incorrect: [40, 40, 40; 40, 40, 40; 40, 40, 40]');
});

test("a mailing list's thread: sections framed in rules, a signature and a sign-off no answer, and a reply's correction of a quoted answer no answer of the writer's", { skip: devSkip }, async () => {
  assert.deepEqual(await graded('pipermail-thread.mbox.txt'), {
    '4.b': 'correct: (⌊(W - K)/S⌋ + 1) × (⌊(H - K)/S⌋ + 1) × C',
    '4.c': 'incorrect: K^L',
  });
});

test('a text that is no feed, or a feed that cannot be read, is left as it is', () => {
  for (const text of ['# Notes\n\n4(c): L(K-1)+1\n', '<?xml version="1.0"?><feed><entry><content type="html">&lt;p', '<rss><channel><title>x</title></channel></rss>', '<feed></feed>']) {
    assert.equal(feedAsMarkdown(text), text);
  }
});

test("a Blogger backup's settings entries are not read, and its post's escaped HTML is", () => {
  const feed = [
    "<?xml version='1.0' encoding='UTF-8'?><feed xmlns='http://www.w3.org/2005/Atom'>",
    "<entry><id>tag:blogger.com,1999:blog-1.settings.BLOG_NAME</id><category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#settings'/><content type='text'>Problem 4(c): 9</content></entry>",
    "<entry><id>tag:blogger.com,1999:blog-1.post-2</id><category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#post'/><title type='text'>HW</title><content type='html'>&lt;p&gt;Problem 4(c): $L(K-1)+1$&lt;/p&gt;</content></entry>",
    '</feed>',
  ].join('');
  assert.equal(feedAsMarkdown(feed), '# HW\n\nProblem 4(c): $L(K-1)+1$\n');
});

test('a signature runs from the last `-- ` line to the end, a few lines at most', () => {
  assert.deepEqual(withoutSignature(['answer', '', '-- ', 'Jonas Berg', 'MSc student']), ['answer', '']);
  const long = ['intro', '--', ...Array.from({ length: 12 }, (_, i) => `line ${i}`)];
  assert.deepEqual(withoutSignature(long), long);
});

test("a newsreader's reply quotes the earlier article under its own attribution (`In article <...>, X writes:`): the quote is no prompt the writer relays, and the reply's correction no answer of the part it quotes", {
  skip: devSkip,
}, async () => {
  assert.deepEqual(await graded('usenet-in-article-quote.txt'), {
    '4.c': 'incorrect: K^L',
    '4.f': 'correct: g3: [0, 0.8, 0]; g4: [0.8, 0, 0]',
  });
});
