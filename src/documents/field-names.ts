/**
 * Apps agree on what a message's fields mean, not on how to spell them: `IsSender`, `isSender`,
 * `is_sender` and `is-sender` are one field, and so are `Media Type` and `media_type`. Fields are
 * looked up by their snake_case spelling in an object's fields respelled so (fieldsOf).
 */

/** A field's name in snake_case: `IsSender` → `is_sender`, `Media Type` → `media_type`, `senderName` → `sender_name`. */
export const fieldKey = (name: string): string =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[\s-]+/g, '_')
    .toLowerCase();

/** A key already spelled as fieldKey spells it. */
const SNAKE_KEY = /^[a-z0-9_]*$/;

/** Objects' respelled fields, made once per object that needs them. */
const respelled = new WeakMap<object, Record<string, unknown>>();

/**
 * The object's fields by their snake_case names: the object itself when every key is spelled so (most
 * exports: no copy), else a copy with each key respelled (the first of two spellings of one name wins).
 */
export function fieldsOf(o: Record<string, unknown>): Record<string, unknown> {
  let plain = true;
  for (const key in o) {
    if (!SNAKE_KEY.test(key)) {
      plain = false;
      break;
    }
  }
  if (plain) return o;
  let fields = respelled.get(o);
  if (!fields) {
    fields = {};
    for (const [key, v] of Object.entries(o)) {
      const name = fieldKey(key);
      if (!Object.hasOwn(fields, name)) fields[name] = v;
    }
    respelled.set(o, fields);
  }
  return fields;
}
