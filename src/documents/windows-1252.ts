/**
 * Windows-1252 puts punctuation (dashes, curly quotes, the euro sign, `™`) where ISO-8859-1 has
 * C1 control characters (0x80-0x9F). The WHATWG Encoding standard decodes both labels as
 * Windows-1252, but some Node releases' TextDecoder decodes them as ISO-8859-1, and a text never
 * means a C1 control: each one is read as the Windows-1252 character of its byte.
 */

/** Windows-1252's characters for bytes 0x80-0x9F (the five it leaves undefined stay as they are). */
const C1_AS_1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** A decoded text with its C1 control characters read as the Windows-1252 punctuation of their bytes. */
export function c1AsWindows1252(text: string): string {
  if (!/[\u0080-\u009F]/.test(text)) return text;
  return text.replace(/[\u0080-\u009F]/g, (c) => C1_AS_1252[c.charCodeAt(0) - 0x80]!);
}
