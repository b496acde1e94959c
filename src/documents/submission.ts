import { withFollowUpQuestions } from './follow-up-questions.js';
import { answersByItem } from './named-items.js';
import { withoutRenderedCopies } from './rendered-copies.js';
import type { Key } from '../model/key.js';
import { foldFullWidth } from './full-width.js';
import { decimalCommasInNumberLists } from './decimal-commas.js';
import { foldLabelWords } from './label-words.js';
import { htmlAsText } from './html-text.js';
import { activityLogAsChat } from './activity-log.js';
import { withoutDownloadStamps } from './download-stamps.js';
import { withoutRawCopy } from './raw-copies.js';
import { withoutBlockAttributes } from './block-attributes.js';
import { noteExportAsText } from './note-exports.js';
import { flashcardDeckAsMarkdown } from './flashcard-deck.js';
import { outlineAsMarkdown } from './outline-trees.js';
import { emailThreadAsText } from './email-thread.js';
import { withoutThreadFurniture } from './thread-posts.js';
import { forumThreadAsText } from './forum-thread.js';
import { withoutReadersComments } from './comment-sections.js';
import { tabbedChatAsStamped } from './tabbed-chat.js';
import { UserError } from '../model/errors.js';
import type { ProblemSet } from '../model/problem-set.js';
import type { Message, Submission } from '../model/submission.js';
import { detectFormat, readMessages, reasoningLeftOut, TranscriptError } from './transcripts.js';
import { unlabelledTurns } from './unlabelled-chat.js';
import { quotedTurns } from './quoted-turns.js';
import { appMarkedTurns } from './app-turn-marks.js';
import { appPageEndApart } from './app-pages.js';
import { boxedPromptTurns } from './boxed-prompts.js';
import { barredPromptTurns } from './barred-prompts.js';
import { markedPromptTurns } from './marked-prompts.js';
import { replPromptTurns } from './repl-prompts.js';
import { shellChatTurns } from './shell-chats.js';
import { alternatingRoleTurns } from './alternating-roles.js';
import { promptHeadingTurns } from './prompt-headings.js';
import { separatedExchangeTurns } from './separated-exchanges.js';
import { toolCallsApart } from './tool-calls.js';
import { trailingRemarksApart } from './trailing-remarks.js';
import { statementIndex } from './pasted-statements.js';
import { segmentTranscript, segmentWriteup } from './segment.js';
import { assignmentOf } from './assignment.js';
import { readDocumentFile, type ReadFileOptions } from './read-file.js';
import { latexLabels } from './tex.js';
import { jsonAnswerLines } from './json-answers.js';
import { arenaBattle } from './arena-battle.js';
import { speakerLines } from './speaker-lines.js';
import { exporterHeadings } from './exporter-headings.js';
import { regenerationsApart } from './regenerated-replies.js';
import { orgAsMarkdown } from './org-mode.js';
import { mathematicaAsText } from './mathematica-text.js';
import { unwrapAnswerCallouts } from './callouts.js';
import { withoutHeaderFields } from './header-fields.js';
import { withoutStruckText } from './struck-text.js';
import { withoutMarginNotes } from './margin-notes.js';
import { arabicQuestionNumbers } from './roman-questions.js';
import { numberedPromptsAsTurns } from './numbered-prompts.js';
import { notebookScriptAsMarkdown } from './notebook-script.js';
import { scriptCellsAsMarkdown } from './script-cells.js';
import { wordLinearMathAsText } from './word-linear-math.js';
import { mathSpansAsText } from './math-spans.js';
import { asciiDocAsMarkdown } from './asciidoc.js';
import { restructuredTextAsMarkdown } from './restructured-text.js';
import { withoutQuoteVerdicts } from './quote-verdicts.js';
import { withoutMarkedRemarks } from './marked-remarks.js';
import { withoutProgressChecklists } from './progress-checklists.js';
import { withoutTallyLines } from './tally-lines.js';
import { mediaWikiAsMarkdown } from './mediawiki.js';
import { flattenedSubscriptsAsScripts } from './flattened-subscripts.js';
import { modelNamedTurns } from './named-model-turns.js';
import { stampedSenderTurns } from './stamped-senders.js';
import { withoutPartIndex } from './part-index.js';
import { unwrapHardWrappedLines } from './hard-wrap.js';
import { paragraphsApart } from './paragraph-breaks.js';
import { speakerShapes } from './speaker-shapes.js';
import { groupChatPeople } from './group-chat.js';
import { promptGlyphTurns } from './prompt-glyphs.js';
import { indentedPromptTurns } from './indented-prompts.js';
import { inlineSpeakers } from './inline-speakers.js';
import { withoutDeclaredRemarks } from './declared-remarks.js';
import { withoutStatusLines } from './status-lines.js';
import { numberedSubparts } from './numbered-subparts.js';
import { ruledLabelsApart } from './ruled-labels.js';
import { drawnMathAsText } from './drawn-math.js';
import { quotedBodiesOpened } from './quoted-bodies.js';
import { printedJsonChat } from './printed-json.js';
import { markdownEscapesAsText } from './markdown-escapes.js';
import { withReferencesResolved } from './references-above.js';
import { mathFencesAsMath } from './math-fences.js';
import { bareEnvironmentsAsDisplays } from './bare-environments.js';
import { withoutPaneGutter } from './pane-gutter.js';
import { runInTitleLabels } from './inline-labels.js';
import { withoutOutlineTaskMarks } from './task-marks.js';
import { questionOfFileName } from './named-question.js';
import { quizReviewAsWriteup } from './quiz-review.js';
import { readSpokenTranscript, transcriptAsText } from './captions.js';
import { withTypedFinals } from './typed-finals.js';
import { spokenMathAsLatex, withSpokenLetterCase } from './spoken-math.js';
import { withoutOwnRemarks } from './labelled-remarks.js';
import { readLineLabel } from './part-ids.js';
import { bbCodeAsMarkdown } from './bbcode.js';
import { templateTagsAsMarkdown } from './template-tags.js';
import { collapsibleBlocksOpened } from './collapsible-blocks.js';
import { tiddlyWikiAsMarkdown } from './tiddlywiki.js';
import { wikiHeadingsAsMarkdown } from './wiki-headings.js';
import { exchangesLabelledAfter, withClosingAnswers } from './closing-labels.js';
import { unframedTablesFramed } from './unframed-tables.js';
import { flattenedTablesAsRows } from './flattened-tables.js';
import { coveredQuestionOf } from './covered-parts.js';
import { consoleSessionAsWriteup } from './console-sessions.js';
import { consoleChatTurns } from './console-chats.js';
import { withoutReplyStamps } from './reply-stamps.js';
import { withConcededRedos } from './conceded-quotes.js';
import { jsonNotesAsMarkdown } from './json-notes.js';
import { jsonOutlineAsMarkdown } from './json-outlines.js';
import { jsonWordsAsText } from './json-text.js';
import { protocolThreadWriteup } from './json-chat.js';
import { withoutReportedModelTags } from './pasted-answers.js';
import { texmacsAsMarkdown } from './texmacs.js';
import { feedAsMarkdown } from './feed-exports.js';
import { quotedStatementsAsLabels } from './quoted-statements.js';
import { clippingsAsMarkdown } from './highlight-exports.js';
import { annotationThreadsAsText } from './annotation-threads.js';
import { roffAsMarkdown } from './roff.js';
import { texinfoAsMarkdown } from './texinfo.js';
import { questionTitleHeadings } from './titled-questions.js';

export { outlineOf } from './assignment.js';

/** The largest submission read: a bigger file is refused with a message, never read for minutes. */
export const SUBMISSION_LIMITS = { chars: 24 * 2 ** 20 } as const;

/**
 * The small passes every text goes through, in this order, before its speakers are read: each
 * rewrites one form (HTML, a Markdown exporter's backslash escapes and images, math written in code's fences or a blogging platform's template tags, math environments with their delimiters lost, remarks marked as the writer's header says, labels drawn on rules, formulas drawn over several lines, lines hard-wrapped at a width, paragraphs with no blank line between them, a console's status lines, a notebook's Python script (its cells marked by comments, or its text in strings), a TeXmacs document's markup, Mathematica, Word's linear equations, reStructuredText's titles and directives, math spans in a medium's own notation, wiki and AsciiDoc titles, subscripts written on the line, Org, an outline's task marks, a report's verdicts after its quotes, struck-through answers,
 * margin notes, callouts, full-width letters, Roman question numbers, other languages' label
 * words, speakers' names the readers have no word for) as the readers after it know it, and returns a text without that form as it is.
 */
const TEXT_PASSES: readonly ((text: string, key: Key) => string)[] = [
  // (Before any reader of markup: a TeXmacs document's `<section*|2(c)>` and `<math|..>` would be read as HTML's tags.)
  texmacsAsMarkdown,
  // (Before any reader of markup or lines: a troff source's `.EQ` formulas hold `<-` and `<=`, and its requests head its sections.)
  roffAsMarkdown,
  // (Before any reader of markup or lines: a Texinfo source's `@math{...}` holds TeX's braces, and its commands head its sections.)
  texinfoAsMarkdown,
  // (Before any reader of lines: a notebook kept as a script has its text cells behind comment signs.)
  scriptCellsAsMarkdown,
  // (Before HTML is read: a note app's export is the note it wraps, without the app's record.)
  noteExportAsText,
  // (Before HTML is read: a blog's backup or feed holds each post's HTML as its XML's text, among entries that are no post.)
  feedAsMarkdown,
  // (Before HTML is read: a deck's fields and an outline's attributes hold their own HTML, each rendered by itself.)
  flashcardDeckAsMarkdown,
  outlineAsMarkdown,
  // (Before lines are joined: Kindle's clippings are records between rules, each a highlight or the note typed on one.)
  clippingsAsMarkdown,
  htmlAsText,
  // (Before speakers are read: an activity log's entries, newest first, are a chat's exchanges.)
  activityLogAsChat,
  // (Before lines are joined or labels read: a sharing site's stamps and page marks, and a note app's attribute lists, are no lines of the text.)
  withoutDownloadStamps,
  // (Before labels are read: a paste site shows the text again as typed, and its labels would continue the first copy's parts.)
  withoutRawCopy,
  withoutBlockAttributes,
  // (Before speakers are read: a mail thread's headers name no speaker, and its quotes repeat earlier messages.)
  emailThreadAsText,
  // (Before a thread's posts or speakers are read: conversations on a highlighted page answer the passage each is anchored to.)
  annotationThreadsAsText,
  // (Before a thread's posts are told apart by their labels: `Receptive field (problem 4c). ...` opens on its part.)
  runInTitleLabels,
  // (Before a thread is read: a post's readers' comments are theirs, its author's stay, under the comment section's heading.)
  withoutReadersComments,
  // (Before speakers are read: a forum thread's headers name no speaker, and only its starter's posts are their answers.)
  forumThreadAsText,
  // (Before labels or speakers are read: a social thread's `2/7` before `Q1(a)`, and its handles and counts between posts, are the page's.)
  withoutThreadFurniture,
  // (Before lines are joined or speakers read: a chat saved in tab-separated columns is its stamped messages.)
  tabbedChatAsStamped,
  // (Before any reader of lines: a pane's border down every line is no line's first sign.)
  withoutPaneGutter,
  // (Before any reader of lines: a console's comment signs hide the labels, and its prompts make every line code.)
  consoleSessionAsWriteup,
  // (Before BBCode's `[latex]` and an exporter's escapes: a blog's `{% katex %}` and `[katex]` hold LaTeX as it is written.)
  templateTagsAsMarkdown,
  // (Before lines are joined or labels read: a wiki's, a tracker's or a forum's markup hides the labels of its headings and folded blocks.)
  tiddlyWikiAsMarkdown,
  bbCodeAsMarkdown,
  collapsibleBlocksOpened,
  // (Before any reader of markup: an exporter's `d\_out` is `d_out` to every reader after it.)
  markdownEscapesAsText,
  // (Before unframed tables are framed: `Layer | params. Input | 0. FC-3 | 1473.` on one line is a table's rows.)
  flattenedTablesAsRows,
  // (Before lines are joined or labels read: `2e | sqrt(d_out) | ✓` under `Part | Answer | mark` is a table's row.)
  unframedTablesFramed,
  // (Before any reader of code: a ```math fence and Julia's ``x`` are formulas, not code.)
  mathFencesAsMath,
  // (Before lines are joined: a matrix over several lines with its `$$` lost is one formula.)
  bareEnvironmentsAsDisplays,
  // (Before lines are joined or labels read: a remark's lines are the writer's, whatever they hold.)
  withoutDeclaredRemarks,
  // (Before lines are joined or speakers read: a chat's turns quoted under their speakers' headings are the turns.)
  quotedBodiesOpened,
  // (Before lines are joined or speakers read: a chat printed as an API's JSON is its decoded turns.)
  printedJsonChat,
  // (Before lines are joined: a label drawn on a rule heads the lines under it.)
  ruledLabelsApart,
  // (Before lines are joined: a formula drawn over several lines is read by where its characters stand.)
  drawnMathAsText,
  unwrapHardWrappedLines,
  paragraphsApart,
  // (After the lines a page dump wrapped are joined: a formula's copies and its source may fall on two.)
  withoutRenderedCopies,
  withoutStatusLines,
  notebookScriptAsMarkdown,
  mathematicaAsText,
  wordLinearMathAsText,
  // (Before math spans: a `.. math::` block is read with the directive body it is indented in.)
  restructuredTextAsMarkdown,
  mathSpansAsText,
  mediaWikiAsMarkdown,
  asciiDocAsMarkdown,
  // (After the wiki's and AsciiDoc's own passes: the headings of dialects that mark nothing else.)
  wikiHeadingsAsMarkdown,
  flattenedSubscriptsAsScripts,
  orgAsMarkdown,
  // (After Org's entries are headings: an outline's `- [x] Q3` over its nested parts heads them as `- Q3`.)
  withoutOutlineTaskMarks,
  // (After an outline's marks are taken off: a flat `- [x] Q1` / `- [ ] Q2 d` is the writer's progress, no answer.)
  withoutProgressChecklists,
  // (After every medium's quotes are Markdown's: a report's verdicts after the quotes it judges.)
  withoutQuoteVerdicts,
  // (`🟡 I was not sure ... (the forum says "explode"?)` under an answer: the person's remark on it.)
  withoutMarkedRemarks,
  // (A line of marks, `(a) ✓  (b) ✗`, is the person's marking: its first label would take the rest as its answer.)
  withoutTallyLines,
  withoutStruckText,
  withoutMarginNotes,
  unwrapAnswerCallouts,
  foldFullWidth,
  // (After wide letters are folded: `[0；0,8；0]` in a decimal-comma locale is three numbers, not four.)
  decimalCommasInNumberLists,
  arabicQuestionNumbers,
  foldLabelWords,
  // (Before names are paired: a group chat's people beside a model are no pair of speakers.)
  groupChatPeople,
  promptGlyphTurns,
  // (A bare `>` is a quote's to every other reader: only where the program's lines are indented under it is it a prompt.)
  indentedPromptTurns,
  speakerShapes,
  inlineSpeakers,
];

/**
 * Reads a submission in any supported format (write-up or chat transcript) and segments it
 * into responses by part. A broken transcript is a warning and an empty submission, never a
 * crash: the rest of a batch goes on.
 */
export function readSubmission(text: string, id: string, key: Key, problems?: ProblemSet, path?: string): Submission {
  if (text.length > SUBMISSION_LIMITS.chars) {
    throw new UserError(`the file is ${(text.length / 2 ** 20).toFixed(1)} MB of text; the limit is ${SUBMISSION_LIMITS.chars / 2 ** 20} MB (split it, or grade its parts separately)`, path ?? id);
  }
  // Before any pass: a caption file's or a recording transcript's timings and cues are no lines of the
  // words spoken. (Read once here, not as a pass, since whether it was one is wanted again below.)
  const transcript = readSpokenTranscript(text);
  if (!transcript) return readText(text, text, id, key, problems, path);
  // (Answers typed under a transcript, `My final answers:`, are what the student committed to after saying them.)
  const typed = transcript.written ? readText(transcript.written, text, id, key, problems, path) : undefined;
  if (!typed?.responses.length) return withUnreadFormulasDoubted(withSpokenLetterCase(readText(transcriptAsText(transcript), text, id, key, problems, path), key));
  const said = withSpokenLetterCase(readText(transcript.spoken, text, id, key, problems, path), key);
  const responses = withTypedFinals(
    said.responses,
    typed.responses,
    key.parts.map((p) => p.id),
  );
  const warnings = said.warnings.filter((w) => !COVERAGE_WARNING.test(w));
  return withUnreadFormulasDoubted(withCoverageWarning({ ...said, responses, warnings }, key));
}

/** `readSubmission` of a text (`original` as the file has it): its passes, then its turns and parts. */
function readText(text: string, original: string, id: string, key: Key, problems?: ProblemSet, path?: string): Submission {
  // (Before any pass: a shell's prompts and the output under them are lines the passes would join or rename.)
  const shell = shellChatTurns(text);
  if (shell) {
    const turns = shell.map((m) => (m.role === 'assistant' ? { ...m, text: TEXT_PASSES.reduce((t, pass) => pass(t, key), m.text) } : m));
    return readFolded(text, original, id, key, problems, path, turns);
  }
  const room = exporterHeadings(TEXT_PASSES.reduce((t, pass) => pass(t, key), text));
  const folded = speakerLines(numberedPromptsAsTurns(modelNamedTurns(room.text)));
  // One model's answers of a side-by-side battle: the other's would be read as more parts.
  const battle = arenaBattle(folded);
  const read = readFolded(battle?.text ?? folded, original, id, key, problems, path, battle?.turns);
  // (A quoted reply that concedes the writer's objection, `“You're right — ...`: the part's redone, final answer.)
  const sub = { ...read, responses: withConcededRedos(read.responses) };
  if (room.setAside) sub.warnings.push(`${path ?? id}: ${room.setAside}`);
  return battle?.doubt ? withDoubt(sub, battle.doubt) : sub;
}

/**
 * A spoken transcript's parts whose answer is an equation said aloud with two readings
 * (`w minus eta d w`): what the checker would read there is a guess, so a person reads the words.
 */
function withUnreadFormulasDoubted(s: Submission): Submission {
  return {
    ...s,
    responses: s.responses.map((r) => {
      // (What is said last is the answer: a formula read after an unread one, the question restated, is not in doubt.)
      const text = r.final.text;
      const unread = spokenMathAsLatex(text).unread.find((u) => !text.includes('$', u.at));
      return unread ? { ...r, readingDoubt: `its answer is said aloud and has no single reading as a formula: "${unread.words}"` } : r;
    }),
  };
}

/** Every response of a submission doubted for one reason (which of two models' answers it is), said once as a warning. */
function withDoubt(s: Submission, doubt: string): Submission {
  return { ...s, responses: s.responses.map((r) => ({ ...r, alignmentDoubt: r.alignmentDoubt ?? doubt })), warnings: [...s.warnings, `${s.path ?? s.id}: ${doubt}`] };
}

/**
 * `readSubmission` of a text with its HTML, wide letters and other languages' label words folded;
 * `original` as the file has it; `turns` when its chat's turns are known already.
 */
function readFolded(folded: string, original: string, id: string, key: Key, problems?: ProblemSet, path?: string, turns?: Message[]): Submission {
  const outline = assignmentOf(key, problems).outline;
  // (`Model: GPT-4.1` and `Student: R. Okafor` over a chat name it; they head no turn.)
  // (`Q2.2 Forward scalar c`: an online assignment's numbers for the key's letters, read as them.)
  // (`Question 3` / `Marked out of 2.00` / `HW4 Problem 2(a). ...`: a quiz review's slots, read as the parts their questions name.)
  // (`“What is the output shape ...?” ([p. 5](zotero://...)) my answer`: a highlight of a part's question names the part;
  // `## Weights and gradients in a CNN`, a question's title as a heading, names the question.)
  const text = quizReviewAsWriteup(numberedSubparts(questionTitleHeadings(quotedStatementsAsLabels(withoutHeaderFields(folded), outline), outline), outline), outline);
  const format = detectFormat(text, path ?? id);
  // (`hw4-q2.md`: the question its letters are of, when nothing in the text names one.)
  const fileQuestion = questionOfFileName(path ?? id, outline);
  // (`Questões: 2(e), 2(f), 2(g) e 4(a)-(d)` in the header, `q2efg-q4abcd` in the name: which question a bare `(e)` is of.)
  const letterQuestion = coveredQuestionOf(text, path ?? id, outline);
  const base = { id, ...(path ? { path } : {}), format, text: original, notes: [] as Submission['notes'], warnings: [] as string[] };
  // A write-up by its labels may be a chat whose person's turns carry none.
  const doubts: string[] = [];
  // (With no cue of a site's, a chat whose person's turns are blockquotes: Le Chat copied as Markdown.)
  const unlabelled =
    turns ??
    (format === 'writeup'
      ? (appMarkedTurns(text) ??
        boxedPromptTurns(text) ??
        barredPromptTurns(text) ??
        markedPromptTurns(text) ??
        replPromptTurns(text) ??
        consoleChatTurns(text) ??
        stampedSenderTurns(text) ??
        alternatingRoleTurns(text) ??
        // (Turns by structure before turns by what they say: the readers by content guess where no structure shows.)
        promptHeadingTurns(text) ??
        unlabelledTurns(text, statementIndex(outline), doubts) ??
        // (After the site's own marks of a reply: rules between exchanges are the last structure to go by.)
        separatedExchangeTurns(text) ??
        quotedTurns(text, statementIndex(outline)))
      : undefined);
  if (format === 'writeup' && !unlabelled) {
    // (`我的评价：…` under a quoted answer: the writer's remark, whose formulas are no answer. `➡️ GPT-4.5: ...`: the model's words.)
    const read = jsonAnswerLines(latexLabels(withoutPartIndex(withoutReportedModelTags(withoutOwnRemarks(text, (l) => !!readLineLabel(l))))));
    // (`4(e)  table above` in a summary: the answer is the table the report printed above it.)
    return withCoverageWarning({ ...base, responses: withReferencesResolved(segmentWriteup(read, outline, fileQuestion, letterQuestion), read) }, key);
  }
  try {
    // A reply copied with each version it was regenerated as: the versions are successive attempts.
    // (`>> 3(a): answer above` under an exchange whose turns name no part: the part it was, and perhaps its answer.)
    const closed = exchangesLabelledAfter(
      // (A chat app's page ends on its footer: what follows it is the person's, pasted under the page.)
      trailingRemarksApart(toolCallsApart(regenerationsApart(withoutReplyStamps(appPageEndApart(unlabelled ? reasoningLeftOut(unlabelled) : readMessages(text, format)))))),
      outline,
    );
    const messages = closed.messages;
    return withCoverageWarning(
      {
        ...base,
        ...(unlabelled ? { format: 'chat-text' as const, warnings: doubts.map((d) => `${path ?? id}: ${d}`) } : {}),
        messages,
        notes: messages.filter((m) => m.role === 'note'),
        responses: withFollowUpQuestions(
          withClosingAnswers(
            answersByItem(
              segmentTranscript(
                messages.map((m) => (m.role === 'assistant' ? { ...m, text: jsonAnswerLines(m.text) } : m)),
                outline,
                fileQuestion,
                letterQuestion,
              ),
              messages,
            ),
            closed.responses,
          ),
          messages,
        ),
      },
      key,
    );
  } catch (e) {
    if (!(e instanceof TranscriptError)) throw e;
    // (JSON with no conversation in it may be the person's notes, an annotator's or a whiteboard's: a write-up.)
    // (So may a protocol's thread of a person's posts with no model among them: Nostr notes quoting the model.)
    // (A mind map's or an outliner's tree, read as its nested list, before its items are taken for a flat list of notes.)
    const notes = format === 'json-messages' ? (protocolThreadWriteup(original) ?? jsonOutlineAsMarkdown(original) ?? jsonNotesAsMarkdown(original, assignmentOf(key, problems))) : undefined;
    // (The notes as read are the submission's text: its responses' lines point into them.)
    if (notes) return readText(notes, notes, id, key, problems, path);
    // (Records no reader knows the shape of still hold somebody's words, as a TA opening the file would read them;
    // messages whose speakers no rule tells apart are no write-up: whose words are answers is the doubt.)
    const words = format === 'json-messages' && e.shapeUnknown ? jsonWordsAsText(original) : undefined;
    if (words) {
      const read = readText(words, words, id, key, problems, path);
      return { ...read, warnings: [`${path ?? id}: ${e.message}; read the words in it as a write-up instead`, ...read.warnings] };
    }
    return { ...base, responses: [], warnings: [`${path ?? id}: ${e.message}`] };
  }
}

/** The warnings `withCoverageWarning` gives. */
const COVERAGE_WARNING = /: (?:no part of the key was recognised|only \d+ of \d+ parts were recognised)/;

/**
 * A submission in which few of the key's parts were recognised is more likely numbered in a way
 * we did not read than blank: say so, so its zeros are not silent.
 */
function withCoverageWarning(s: Submission, key: Key): Submission {
  const total = key.parts.length;
  const keyIds = new Set(key.parts.map((p) => p.id));
  const found = new Set(s.responses.map((r) => r.partId).filter((id) => keyIds.has(id))).size;
  const where = s.path ?? s.id;
  if (!s.text.trim()) s.warnings.push(`${where}: no text was read from it (a blank file, or a notebook with no cells); every part is graded missing`);
  else if (total && found === 0) s.warnings.push(`${where}: no part of the key was recognised (is it numbered like 1a, (a), Problem 1: Part (a)?); every part is graded missing`);
  else if (total >= 4 && found < Math.ceil(total / 4)) s.warnings.push(`${where}: only ${found} of ${total} parts were recognised; check its numbering`);
  return s;
}

/**
 * Reads a submission file of any kind (text, PDF, notebook, LaTeX; sniffed by its bytes) and
 * segments it. A file that is not a document, or a PDF with pages nobody read, says so in
 * `warnings`.
 */
export async function readSubmissionFile(bytes: Uint8Array, id: string, key: Key, problems?: ProblemSet, path?: string, options: ReadFileOptions = {}): Promise<Submission> {
  const doc = await readDocumentFile(bytes, path ?? id, options);
  if (doc.text === undefined) return { id, ...(path ? { path } : {}), format: 'writeup', text: '', responses: [], notes: doc.notes, warnings: doc.warnings };
  const sub = readSubmission(doc.text, id, key, problems, path);
  return { ...sub, notes: [...doc.notes, ...sub.notes], warnings: [...doc.warnings, ...sub.warnings], ...(doc.source ? { source: doc.source } : {}) };
}
