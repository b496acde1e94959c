import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { extname, resolve } from 'node:path';
import type { ChatMessage, ContentPart } from './providers.js';

const IMAGE = /!\[([^\]]*)\]\(([^)\s]+)(?:\s+"[^"]*")?\)|<img\s[^>]*src="([^"]+)"[^>]*>/g;
/** The same pattern without state, for testing whether a text has a figure at all. */
const HAS_IMAGE = new RegExp(IMAGE.source);
const MEDIA: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp' };

/**
 * A prompt's figures for a model: image parts read from the files the problem set names
 * (`![Figure 1](fig1.png)`, relative to the problem set) for a model that takes images; for a
 * text-only model, the text with each figure replaced by a note that it was omitted.
 */
export function withFigures(messages: ChatMessage[], options: { vision: boolean; baseDir?: string }): ChatMessage[] {
  return messages.map((m) => {
    if (m.role !== 'user' || typeof m.content !== 'string' || !HAS_IMAGE.test(m.content)) return m;
    const text = m.content;
    if (!options.vision) {
      let omitted = 0;
      const replaced = text.replace(IMAGE, (_all, alt: string | undefined, src1: string | undefined, src2: string | undefined) => {
        omitted++;
        return `[figure omitted: ${alt || src1 || src2}]`;
      });
      return { ...m, content: `${replaced}\n\n(Note: ${omitted} figure${omitted === 1 ? ' is' : 's are'} not included: this model reads text only.)` };
    }
    const parts: ContentPart[] = [];
    let last = 0;
    for (const match of text.matchAll(IMAGE)) {
      const before = text.slice(last, match.index);
      if (before.trim()) parts.push({ type: 'text', text: before });
      const src = match[2] ?? match[3]!;
      const path = options.baseDir ? resolve(options.baseDir, src) : src;
      const media = MEDIA[extname(src).toLowerCase()];
      if (media && existsSync(path)) parts.push({ type: 'image', mediaType: media, data: readFileSync(path).toString('base64') });
      else parts.push({ type: 'text', text: `[figure ${src} could not be read]` });
      last = match.index! + match[0].length;
    }
    if (text.slice(last).trim()) parts.push({ type: 'text', text: text.slice(last) });
    return { ...m, content: parts };
  });
}

/** A conversation as stored: each image replaced by the hash of its bytes (the store keeps no image data). */
export function storable(messages: ChatMessage[]): ChatMessage[] {
  return messages.map((m) =>
    typeof m.content === 'string'
      ? m
      : { ...m, content: m.content.map((p) => (p.type === 'image' ? { type: 'text' as const, text: `[image ${p.mediaType} sha256:${createHash('sha256').update(p.data).digest('hex')}]` } : p)) },
  );
}
