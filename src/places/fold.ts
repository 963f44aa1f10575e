/**
 * Folding of place names for search: the gazetteer index stores folded names and every query is
 * folded the same way, which makes search accent-, case- and punctuation-insensitive.
 *
 * foldName: Unicode NFKD (compatibility decomposition: "é" → "e" + U+0301, full-width forms to
 * ASCII), combining marks (\p{M}) removed, lower case, the Latin letters that do not decompose
 * spelled out (ß → ss, æ → ae, œ → oe, ø → o, đ/ð → d, ł → l, ı → i, þ → th, ħ → h), apostrophes
 * removed, every other run of non-letters/non-digits turned into one space, trimmed.
 * "São Paulo" → "sao paulo", "Saint-Étienne" → "saint etienne", "Łódź" → "lodz", "Ul'm" → "ulm".
 */

const SPELLED: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', ı: 'i', þ: 'th', ħ: 'h' };
const APOSTROPHES = /['’ʼ‘`´ʻ]/g;
const HAS_APOSTROPHE = /['’ʼ‘`´ʻ]/;

/** Folded form of a name or query (see the module comment). May be empty. */
export function foldName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæœøđðłıþħ]/g, (c) => SPELLED[c] ?? c)
    .replace(APOSTROPHES, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The folded keys under which a name is indexed: its folded form and, for names with an
 * apostrophe, also the form where the apostrophe separates words ("L'Aquila" → "laquila" and
 * "l aquila"), so both ways of typing it match.
 */
export function nameKeys(name: string): string[] {
  const folded = foldName(name);
  if (!folded) return [];
  if (!HAS_APOSTROPHE.test(name)) return [folded];
  const spaced = foldName(name.replace(APOSTROPHES, ' '));
  return spaced && spaced !== folded ? [folded, spaced] : [folded];
}
