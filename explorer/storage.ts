/**
 * GraphiQL's storage (localStorage, keys "graphiql:…") without request headers in its history and
 * favourites. GraphiQL leaves headers out of its saved tabs when shouldPersistHeaders is false, but
 * its history plugin saves every run's headers, which would keep the Authorization token in the
 * browser for good. Here they are dropped on write, and a history entry read back gets the page's
 * current headers (the development token, or none), so re-running it from the history still works.
 */
import type { Storage } from '@graphiql/toolkit';

const PREFIX = 'graphiql:';
/** Keys whose value is JSON `{ "<name>": [{ query, variables, headers, operationName, … }, …] }`. */
const HISTORY_KEYS = new Set([`${PREFIX}queries`, `${PREFIX}favorites`]);

type Entry = Record<string, unknown>;

function mapEntries(value: string, map: (entry: Entry) => Entry): string {
  const mapList = (list: unknown[]) => list.map((e) => (e !== null && typeof e === 'object' && !Array.isArray(e) ? map(e as Entry) : e));
  try {
    const parsed = JSON.parse(value) as unknown;
    if (Array.isArray(parsed)) return JSON.stringify(mapList(parsed));
    if (parsed === null || typeof parsed !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [name, v] of Object.entries(parsed)) out[name] = Array.isArray(v) ? mapList(v) : v;
    return JSON.stringify(out);
  } catch {
    return value;
  }
}

/**
 * @param currentHeaders the headers editor's starting text ("" for none), given back to history entries
 * @returns a Storage over localStorage, or null when the browser has none (GraphiQL then keeps nothing)
 */
export function headerFreeStorage(currentHeaders: string): Storage | null {
  let local: globalThis.Storage;
  try {
    local = window.localStorage;
    local.getItem(`${PREFIX}probe`);
  } catch {
    return null;
  }
  const keys = () => Object.keys(local).filter((k) => k.startsWith(PREFIX));
  return {
    getItem(key) {
      const value = local.getItem(key);
      if (value === null || !HISTORY_KEYS.has(key)) return value;
      return mapEntries(value, (e) => ({ ...e, headers: currentHeaders || undefined }));
    },
    setItem(key, value) {
      local.setItem(key, HISTORY_KEYS.has(key) ? mapEntries(value, ({ headers: _dropped, ...rest }) => rest) : value);
    },
    removeItem(key) {
      local.removeItem(key);
    },
    clear() {
      for (const key of keys()) local.removeItem(key);
    },
    get length() {
      return keys().length;
    },
  };
}
