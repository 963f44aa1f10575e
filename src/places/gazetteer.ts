/**
 * The gazetteer: every populated place of GeoNames with at least 1,000 inhabitants (plus the
 * seats of first- to third-level divisions, as in GeoNames' own cities1000), about 141,000
 * places, searched in memory. Data: src/places/data/gazetteer.json, built by
 * scripts/build-gazetteer.ts (GeoNames, CC BY 4.0; zones from timezone-boundary-builder).
 *
 * Search: the query is folded (fold.ts: accents, case and punctuation ignored) and looked up in
 * the sorted folded names (primary, ASCII and every alternate name of every place):
 *   1. EXACT   — a name of the place equals the query;
 *   2. PREFIX  — a name of the place starts with the query ("sao paul" → São Paulo);
 * within a tier, larger population first (then GeoNames id). Each place appears once.
 * An optional country (ISO 3166-1 alpha-2) and first-level division (GeoNames admin1 code, e.g.
 * "IL", "ENG", "01", or its name, e.g. "Baden-Württemberg") filter the results.
 *
 * How it stays fast for short prefixes ("s" matches 40,000 names): the postings of all names in
 * key order form one array, a prefix is one contiguous range of it, and a range-minimum segment
 * tree over the place indices (= population rank) yields the most populous places of a range
 * one at a time (O(log n) each). A second copy ordered by country does the same for a country
 * filter.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ValidationError } from '../errors.js';
import { foldName } from './fold.js';
import { decodeGazetteer, NO_ELEVATION, type GazetteerData } from './gazetteer-data.js';

/** A populated place. Coordinates WGS 84 degrees (north/east positive). */
export interface Place {
  /** GeoNames id as text (stable across GeoNames releases). */
  id: string;
  geonameId: number;
  name: string;
  /** GeoNames' ASCII spelling of the name. */
  asciiName: string;
  /** ISO 3166-1 alpha-2. */
  countryCode: string;
  /** GeoNames first-level division code within the country ("IL", "ENG", "01"), if any. */
  admin1Code: string | null;
  /** Its name ("Illinois", "England", "Baden-Wurttemberg"), if known. */
  admin1Name: string | null;
  latitude: number;
  longitude: number;
  /** Metres above sea level: GeoNames' surveyed elevation, else its DEM value; null if neither. */
  elevationMeters: number | null;
  population: number;
  /** IANA zone at the place. */
  timeZone: string;
}

export type MatchQuality = 'EXACT' | 'PREFIX';

export interface PlaceMatch {
  place: Place;
  quality: MatchQuality;
  /** The folded name that matched (e.g. "koln" for Cologne found as "Köln"). */
  matchedName: string;
}

export interface PlaceSearchOptions {
  /** ISO 3166-1 alpha-2 country code filter (any case). */
  countryCode?: string | null;
  /** First-level division filter within countryCode: GeoNames code or name (any case/accents). */
  admin1?: string | null;
  /** 1 … MAX_SEARCH_LIMIT, default 10. */
  limit?: number;
}

/** A place string split into its parts: "Springfield, US-IL" → Springfield / US / IL. */
export interface PlaceQuery {
  name: string;
  countryCode: string | null;
  admin1: string | null;
}

export interface ResolvedPlace {
  place: Place;
  quality: MatchQuality;
  query: PlaceQuery;
}

export const MAX_SEARCH_LIMIT = 50;
/** Places a search answers when no limit is given. */
export const DEFAULT_SEARCH_LIMIT = 10;
export const MAX_QUERY_LENGTH = 200;

/** Thrown for a place string that matches nothing; `suggestions` are the nearest names. */
export class UnknownPlaceError extends ValidationError {
  constructor(field: string, message: string, readonly suggestions: Place[]) {
    super(field, message);
  }
}

/** Range-minimum segment tree over `values`; stores positions, compares values. */
class MinTree {
  private readonly n: number;
  private readonly tree: Int32Array;
  constructor(private readonly values: ArrayLike<number>) {
    const n = values.length;
    this.n = n;
    this.tree = new Int32Array(2 * Math.max(1, n));
    for (let i = 0; i < n; i++) this.tree[n + i] = i;
    for (let i = n - 1; i >= 1; i--) this.tree[i] = this.better(this.tree[2 * i], this.tree[2 * i + 1]);
  }
  private better(a: number, b: number): number {
    return this.values[b] < this.values[a] ? b : a;
  }
  /** Position of the smallest value in [lo, hi), or −1 when empty. */
  argmin(lo: number, hi: number): number {
    let best = -1;
    let l = lo + this.n, r = hi + this.n;
    while (l < r) {
      if (l & 1) { const p = this.tree[l++]; best = best < 0 ? p : this.better(best, p); }
      if (r & 1) { const p = this.tree[--r]; best = best < 0 ? p : this.better(best, p); }
      l >>= 1; r >>= 1;
    }
    return best;
  }
  /**
   * Calls `visit` with the values of [lo, hi) in ascending order until it returns false or
   * `maxSteps` values were visited.
   */
  ascending(lo: number, hi: number, visit: (value: number, position: number) => boolean, maxSteps = 100_000): void {
    // a small binary heap of ranges keyed by their minimum value
    const heap: Array<[number, number, number, number]> = [];
    const push = (l: number, h: number) => {
      if (l >= h) return;
      const p = this.argmin(l, h);
      heap.push([this.values[p], p, l, h]);
      let i = heap.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (heap[parent][0] <= heap[i][0]) break;
        [heap[parent], heap[i]] = [heap[i], heap[parent]];
        i = parent;
      }
    };
    const pop = () => {
      const top = heap[0];
      const last = heap.pop() as [number, number, number, number];
      if (heap.length > 0) {
        heap[0] = last;
        let i = 0;
        for (;;) {
          const a = 2 * i + 1, b = a + 1;
          let m = i;
          if (a < heap.length && heap[a][0] < heap[m][0]) m = a;
          if (b < heap.length && heap[b][0] < heap[m][0]) m = b;
          if (m === i) break;
          [heap[m], heap[i]] = [heap[i], heap[m]];
          i = m;
        }
      }
      return top;
    };
    push(lo, hi);
    for (let steps = 0; heap.length > 0 && steps < maxSteps; steps++) {
      const [value, p, l, h] = pop();
      if (!visit(value, p)) return;
      push(l, p);
      push(p + 1, h);
    }
  }
}

function lowerBound(keys: readonly string[], q: string): number {
  let lo = 0, hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < q) lo = mid + 1; else hi = mid;
  }
  return lo;
}

function lowerBoundNum(a: ArrayLike<number>, from: number, to: number, v: number): number {
  let lo = from, hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < v) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** Optimal-string-alignment edit distance (Damerau–Levenshtein with adjacent swaps). */
function editDistance(a: string, b: string): number {
  const m = a.length, n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = new Array<number>(n + 1);
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[n];
}

/** Symbols of folded Latin names: space, a–z, 0–9 (LATIN_KEY). */
function symbol(c: number): number {
  if (c === 32) return 0;
  if (c >= 97 && c <= 122) return c - 96; // 1 … 26
  return c - 48 + 27; // digits: 27 … 36
}

/** Distinct trigrams of "  key " as integers in [0, 37³). */
function trigramsOf(key: string): number[] {
  const s = `  ${key} `;
  const out = new Set<number>();
  for (let i = 0; i + 3 <= s.length; i++) {
    out.add((symbol(s.charCodeAt(i)) * 37 + symbol(s.charCodeAt(i + 1))) * 37 + symbol(s.charCodeAt(i + 2)));
  }
  return [...out];
}

const TRIGRAMS = 37 * 37 * 37;
/** At most this many names are scored by edit distance per suggestion. */
const MAX_SCORED = 400;

/**
 * Places from this population up are suggested under any Latin-script name ("Munchen" finds
 * Munich); smaller ones under their primary name only (their alternates hold many old and
 * foreign spellings that would crowd the suggestions).
 */
const SUGGEST_ANY_NAME_POPULATION = 15_000;
const LATIN_KEY = /^[a-z0-9 ]+$/;

/** Trigram index over the suggestible names (Latin script), built on the first "did you mean". */
interface SuggestIndex {
  /** Distinct suggestible keys (indices into keys). */
  nameKeys: Int32Array;
  /** Members (indices into nameKeys) of trigram t: members[starts[t] … starts[t + 1]). */
  starts: Int32Array;
  members: Int32Array;
  /** Number of distinct trigrams of each name. */
  sizes: Uint8Array;
  /** Scratch counters, one per name (reset after each query). */
  counts: Uint8Array;
}

export class Gazetteer {
  private readonly keys: string[];
  private readonly keyStart: Int32Array;
  private readonly postings: Int32Array;
  private readonly placeCountry: Int32Array;
  private readonly byRank: MinTree;
  /** Entry positions ordered by (country, position). */
  private readonly countryEntries: Int32Array;
  private readonly countryStart: Int32Array;
  private readonly byCountryRank: MinTree;
  private readonly countryIndex: Map<string, number>;
  private byGeonameId: Map<number, number> | null = null;
  private suggestIndex: SuggestIndex | null = null;
  private countryNames: Map<string, string> | null = null;

  constructor(private readonly data: GazetteerData) {
    this.keys = data.keys;
    this.postings = data.postings;
    this.placeCountry = data.places.country;
    this.keyStart = data.keyStart;
    this.byRank = new MinTree(this.postings);
    // counting sort of the entries by the country of their place (stable: key order kept)
    const nCountries = data.countries.length;
    const countryStart = new Int32Array(nCountries + 1);
    for (const p of this.postings) countryStart[this.placeCountry[p] + 1]++;
    for (let c = 0; c < nCountries; c++) countryStart[c + 1] += countryStart[c];
    const fill = countryStart.slice(0, nCountries);
    const entries = new Int32Array(this.postings.length);
    const values = new Int32Array(this.postings.length);
    for (let e = 0; e < this.postings.length; e++) {
      const p = this.postings[e];
      const slot = fill[this.placeCountry[p]]++;
      entries[slot] = e;
      values[slot] = p;
    }
    this.countryEntries = entries;
    this.countryStart = countryStart;
    this.byCountryRank = new MinTree(values);
    this.countryIndex = new Map(data.countries.map((c, i) => [c, i]));
  }

  /**
   * Builds the lazily built parts (the trigram index of "did you mean" and the id map) now, so
   * that no request pays for them; call it once after start-up.
   */
  warmUp(): void {
    this.suggestIndex ??= this.buildSuggestIndex();
    this.getById(0);
  }

  /** Number of places. */
  get size(): number {
    return this.data.places.geonameId.length;
  }

  /** Data sources and attribution line, for docs and health output. */
  get sources(): { attribution: string; sources: Record<string, string> } {
    return { attribution: this.data.attribution, sources: this.data.sources };
  }

  /** Whether a country code (ISO 3166-1 alpha-2, upper case) has places in the gazetteer. */
  hasCountry(countryCode: string): boolean {
    return this.countryIndex.has(countryCode);
  }

  /** The place at an index (0 = most populous). */
  placeAt(i: number): Place {
    const p = this.data.places;
    const a1 = p.admin1[i];
    const code = a1 >= 0 ? this.data.admin1Codes[a1] : null;
    return {
      id: String(p.geonameId[i]),
      geonameId: p.geonameId[i],
      name: p.name[i],
      asciiName: p.asciiName[i] || p.name[i],
      countryCode: this.data.countries[p.country[i]],
      admin1Code: code === null ? null : code.slice(code.indexOf('.') + 1),
      admin1Name: a1 >= 0 ? this.data.admin1Names[a1] || null : null,
      latitude: p.latitudeE5[i] / 1e5,
      longitude: p.longitudeE5[i] / 1e5,
      elevationMeters: p.elevation[i] === NO_ELEVATION ? null : p.elevation[i],
      population: p.population[i],
      timeZone: this.data.zones[p.zone[i]],
    };
  }

  /** A place by GeoNames id, or null. */
  getById(id: string | number): Place | null {
    if (!this.byGeonameId) this.byGeonameId = new Map(Array.from(this.data.places.geonameId, (g, i) => [g, i]));
    const i = this.byGeonameId.get(Number(id));
    return i === undefined ? null : this.placeAt(i);
  }

  /**
   * Places whose name equals or starts with `query` (see the module comment for the ranking),
   * at most `limit`. Throws ValidationError naming `field` for an empty or over-long query, and
   * `countryCode`, `admin1` or `limit` (prefixed by `optionsPrefix`) for bad options.
   */
  search(query: string, options: PlaceSearchOptions = {}, field = 'search', optionsPrefix = ''): PlaceMatch[] {
    const prefix = optionsPrefix;
    if (typeof query !== 'string' || query.length > MAX_QUERY_LENGTH) {
      throw new ValidationError(field, `A place name of at most ${MAX_QUERY_LENGTH} characters is required`);
    }
    const q = foldName(query);
    if (!q) throw new ValidationError(field, 'A place name needs at least one letter or digit');
    const limit = options.limit ?? DEFAULT_SEARCH_LIMIT;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SEARCH_LIMIT) {
      throw new ValidationError(`${prefix}limit`, `limit must be an integer from 1 to ${MAX_SEARCH_LIMIT}`);
    }
    const country = this.countryFilter(options.countryCode, `${prefix}countryCode`);
    const admin1 = this.admin1Filter(country, options.admin1, `${prefix}admin1`);

    const lo = lowerBound(this.keys, q);
    const hi = lowerBound(this.keys, `${q}\uffff`);
    const out: PlaceMatch[] = [];
    if (lo >= hi) return out;
    const seen = new Set<number>();
    const accept = (p: number) => !seen.has(p) && (admin1 === null || this.data.places.admin1[p] === admin1);
    const exactEnd = this.keys[lo] === q ? lo + 1 : lo;
    // 1. exact: the postings of one key, already in population order
    for (let e = this.keyStart[lo]; e < this.keyStart[exactEnd] && out.length < limit; e++) {
      const p = this.postings[e];
      if ((country === null || this.placeCountry[p] === country) && accept(p)) {
        seen.add(p);
        out.push({ place: this.placeAt(p), quality: 'EXACT', matchedName: q });
      }
    }
    // 2. prefix: the most populous places among the postings of keys [exactEnd, hi)
    if (out.length < limit && exactEnd < hi) {
      const eLo = this.keyStart[exactEnd], eHi = this.keyStart[hi];
      const take = (p: number, entry: number) => {
        if (accept(p)) {
          seen.add(p);
          out.push({ place: this.placeAt(p), quality: 'PREFIX', matchedName: this.keyOfEntry(entry, exactEnd, hi) });
        }
        return out.length < limit;
      };
      if (country === null) {
        this.byRank.ascending(eLo, eHi, (p, pos) => take(p, pos));
      } else {
        const cLo = this.countryStart[country], cHi = this.countryStart[country + 1];
        const a = lowerBoundNum(this.countryEntries, cLo, cHi, eLo);
        const b = lowerBoundNum(this.countryEntries, a, cHi, eHi);
        this.byCountryRank.ascending(a, b, (p, pos) => take(p, this.countryEntries[pos]));
      }
    }
    return out;
  }

  /**
   * Resolves a place string "Name", "Name, CC" or "Name, CC-REGION" (see parsePlaceQuery) to
   * its best-ranked match. Throws ValidationError naming `field` for a malformed string or an
   * unknown country/region, UnknownPlaceError (with the nearest names) when nothing matches.
   */
  resolve(text: string, field = 'location.place'): ResolvedPlace {
    const query = parsePlaceQuery(text, field);
    if (query.countryCode !== null && !this.hasCountry(query.countryCode)) {
      throw new ValidationError(field, `Unknown country code "${query.countryCode}" (expected ISO 3166-1 alpha-2, e.g. "DE"; a region follows a hyphen, e.g. "US-IL")`);
    }
    const first = (q: PlaceQuery): PlaceMatch | undefined => {
      try {
        return this.search(q.name, { countryCode: q.countryCode, admin1: q.admin1, limit: 1 }, field)[0];
      } catch (e) {
        // the options' errors (unknown region …) concern this one string field
        if (e instanceof ValidationError && e.field !== field) throw new ValidationError(field, e.message);
        throw e;
      }
    };
    let match = first(query);
    if (!match && query.countryCode === null) {
      // "Paris, Texas", "Ulm, Germany": a last part naming a region or a country
      for (const alt of this.namedParts(query.name)) {
        match = first(alt);
        if (match) return { place: match.place, quality: match.quality, query: alt };
      }
    }
    if (match) return { place: match.place, quality: match.quality, query };
    const suggestions = this.suggest(query.name, { countryCode: query.countryCode, admin1Code: query.admin1, limit: 5 });
    const where = query.countryCode ? ` in ${query.countryCode}${query.admin1 ? `-${query.admin1}` : ''}` : '';
    const hint = suggestions.length > 0
      ? `; nearest names: ${suggestions.map((s) => `${s.name} (${s.countryCode}${s.admin1Code ? `-${s.admin1Code}` : ''})`).join(', ')}`
      : '';
    throw new UnknownPlaceError(field, `Unknown place "${query.name}"${where}${hint}`, suggestions);
  }

  /**
   * Readings of "Name, Part" where Part is a first-level division's name ("Paris, Texas") or
   * a country's English name ("Ulm, Germany", names from ICU's Intl.DisplayNames).
   */
  private namedParts(text: string): PlaceQuery[] {
    const comma = text.lastIndexOf(',');
    if (comma <= 0) return [];
    const name = text.slice(0, comma).trim();
    const part = foldName(text.slice(comma + 1));
    if (!part || !foldName(name)) return [];
    const out: PlaceQuery[] = [];
    this.data.admin1Names.forEach((n, i) => {
      if (n && foldName(n) === part) {
        const code = this.data.admin1Codes[i];
        out.push({ name, countryCode: code.slice(0, 2), admin1: code.slice(3) });
      }
    });
    this.countryNames ??= this.buildCountryNames();
    const cc = this.countryNames.get(part);
    if (cc) out.push({ name, countryCode: cc, admin1: null });
    return out;
  }

  private buildCountryNames(): Map<string, string> {
    const names = new Map<string, string>();
    const display = new Intl.DisplayNames(['en'], { type: 'region' });
    for (const cc of this.data.countries) {
      const n = display.of(cc);
      if (n && n !== cc) names.set(foldName(n), cc);
    }
    return names;
  }

  /**
   * "Did you mean": places whose primary name is nearest to `query` (trigram similarity, then
   * edit distance, then population), one per distinct name and country. Empty when nothing is
   * similar; only names in Latin script are suggested. The trigram index (a few MB) is built on
   * the first call.
   */
  suggest(query: string, options: { countryCode?: string | null; admin1Code?: string | null; limit?: number } = {}): Place[] {
    const q = foldName(String(query).slice(0, MAX_QUERY_LENGTH));
    if (!q) return [];
    const limit = Math.min(Math.max(options.limit ?? 5, 1), MAX_SEARCH_LIMIT);
    const country = options.countryCode ? this.countryIndex.get(options.countryCode.toUpperCase()) ?? null : null;
    if (!LATIN_KEY.test(q)) return [];
    const idx = (this.suggestIndex ??= this.buildSuggestIndex());
    const qt = trigramsOf(q);
    const touched: number[] = [];
    for (const t of qt) {
      for (let i = idx.starts[t]; i < idx.starts[t + 1]; i++) {
        const m = idx.members[i];
        if (idx.counts[m] === 0) touched.push(m);
        if (idx.counts[m] < 255) idx.counts[m]++;
      }
    }
    // names sharing the most trigrams (at least a third of the query's, and a count threshold
    // that keeps at most MAX_SCORED of them), then best Dice coefficient first
    const histogram = new Int32Array(256);
    for (const m of touched) histogram[idx.counts[m]]++;
    let minShared = 255;
    for (let kept = histogram[255]; minShared > 1 && kept + histogram[minShared - 1] <= MAX_SCORED; ) kept += histogram[--minShared];
    minShared = Math.max(minShared, Math.ceil(qt.length / 3), 1);
    const scored: Array<{ m: number; dice: number }> = [];
    for (const m of touched) {
      const c = idx.counts[m];
      idx.counts[m] = 0;
      if (c >= minShared) scored.push({ m, dice: (2 * c) / (qt.length + idx.sizes[m]) });
    }
    scored.sort((a, b) => b.dice - a.dice || a.m - b.m);
    const candidates = scored.slice(0, 100).map(({ m, dice }) => {
      const key = this.keys[idx.nameKeys[m]];
      return { key, keyIdx: idx.nameKeys[m], dice, distance: editDistance(q, key) };
    });
    candidates.sort((a, b) => a.distance - b.distance || b.dice - a.dice || a.keyIdx - b.keyIdx);
    const region = options.admin1Code ? options.admin1Code.toUpperCase() : null;
    const collect = (inRegion: boolean) => {
      const out: Place[] = [];
      const seen = new Set<string>();
      for (const c of candidates) {
        if (out.length >= limit) break;
        if (c.distance > Math.max(2, Math.ceil(q.length / 3))) break;
        for (let e = this.keyStart[c.keyIdx]; e < this.keyStart[c.keyIdx + 1] && out.length < limit; e++) {
          const p = this.postings[e];
          if (!this.suggestible(p, c.keyIdx)) continue;
          if (country !== null && this.placeCountry[p] !== country) continue;
          const place = this.placeAt(p);
          if (inRegion && place.admin1Code?.toUpperCase() !== region) continue;
          // one entry per name and division: "Liverpool (GB-ENG)" once, whichever spelling matched
          const tag = `${place.name}|${place.countryCode}|${place.admin1Code ?? ''}`;
          if (seen.has(tag)) continue;
          seen.add(tag);
          out.push(place);
        }
      }
      return out;
    };
    if (region !== null) {
      const inRegion = collect(true);
      if (inRegion.length > 0) return inRegion;
    }
    return collect(false);
  }

  private keyOfEntry(entry: number, lo: number, hi: number): string {
    // the key whose postings contain `entry`: binary search over keyStart within [lo, hi)
    let a = lo, b = hi;
    while (b - a > 1) {
      const mid = (a + b) >>> 1;
      if (this.keyStart[mid] <= entry) a = mid; else b = mid;
    }
    return this.keys[a];
  }

  private countryFilter(code: string | null | undefined, field: string): number | null {
    if (code === undefined || code === null) return null;
    const c = typeof code === 'string' ? code.trim().toUpperCase() : '';
    if (!/^[A-Z]{2}$/.test(c)) throw new ValidationError(field, `Country code must be ISO 3166-1 alpha-2, e.g. "DE"; got "${String(code).slice(0, 20)}"`);
    const i = this.countryIndex.get(c);
    if (i === undefined) throw new ValidationError(field, `Unknown country code "${c}"`);
    return i;
  }

  private admin1Filter(country: number | null, region: string | null | undefined, field: string): number | null {
    if (region === undefined || region === null) return null;
    if (country === null) throw new ValidationError(field, 'A region needs a country code, e.g. "US-IL"');
    if (typeof region !== 'string' || region.length > MAX_QUERY_LENGTH) throw new ValidationError(field, 'Invalid region');
    const cc = this.data.countries[country];
    const wanted = region.trim().toUpperCase();
    const folded = foldName(region);
    let byName = -1;
    for (let i = 0; i < this.data.admin1Codes.length; i++) {
      const code = this.data.admin1Codes[i];
      if (!code.startsWith(`${cc}.`)) continue;
      if (code.slice(cc.length + 1).toUpperCase() === wanted) return i;
      if (byName < 0 && folded && foldName(this.data.admin1Names[i]) === folded) byName = i;
    }
    if (byName >= 0) return byName;
    const known = this.data.admin1Codes
      .map((code, i) => ({ code, i }))
      .filter(({ code }) => code.startsWith(`${cc}.`))
      .map(({ code, i }) => `${code.slice(cc.length + 1)} (${this.data.admin1Names[i]})`);
    throw new ValidationError(field, `Unknown region "${region.slice(0, 40)}" of ${cc}; known: ${known.slice(0, 30).join(', ')}${known.length > 30 ? ' …' : ''}`);
  }

  private suggestible(p: number, key: number): boolean {
    return this.data.places.nameKey[p] === key ||
      (this.data.places.population[p] >= SUGGEST_ANY_NAME_POPULATION && LATIN_KEY.test(this.keys[key]));
  }

  private buildSuggestIndex(): SuggestIndex {
    const set = new Set<number>();
    for (const k of this.data.places.nameKey) if (k >= 0 && LATIN_KEY.test(this.keys[k])) set.add(k);
    const pop = this.data.places.population;
    for (let k = 0; k < this.keys.length; k++) {
      if (set.has(k) || !LATIN_KEY.test(this.keys[k])) continue;
      // postings are in population order: the first one is the largest place with this name
      if (pop[this.postings[this.keyStart[k]]] >= SUGGEST_ANY_NAME_POPULATION) set.add(k);
    }
    const nameKeys = Int32Array.from([...set].sort((a, b) => a - b));
    const perName = Array.from(nameKeys, (k) => trigramsOf(this.keys[k]));
    const sizes = Uint8Array.from(perName, (ts) => Math.min(ts.length, 255));
    const starts = new Int32Array(TRIGRAMS + 1);
    for (const ts of perName) for (const t of ts) starts[t + 1]++;
    for (let t = 0; t < TRIGRAMS; t++) starts[t + 1] += starts[t];
    const fill = starts.slice(0, TRIGRAMS);
    const members = new Int32Array(starts[TRIGRAMS]);
    perName.forEach((ts, m) => { for (const t of ts) members[fill[t]++] = m; });
    return { nameKeys, starts, members, sizes, counts: new Uint8Array(nameKeys.length) };
  }
}

const COUNTRY_PART = /^([A-Za-z]{2})(?:\s*-\s*(\S(?:.*\S)?))?$/;

/**
 * Splits a place string: a name, then optionally a comma and a country code (ISO 3166-1
 * alpha-2) or country-region ("Liverpool", "Ulm, DE", "Springfield, US-IL",
 * "Ulm, DE-Baden-Württemberg"). A last part that is not of that form belongs to the name
 * ("Washington, D.C."). Throws ValidationError naming `field` for an empty or over-long string.
 */
export function parsePlaceQuery(text: string, field = 'location.place'): PlaceQuery {
  if (typeof text !== 'string' || text.length > MAX_QUERY_LENGTH) {
    throw new ValidationError(field, `A place of at most ${MAX_QUERY_LENGTH} characters is required, e.g. "Ulm, DE"`);
  }
  const trimmed = text.trim();
  const comma = trimmed.lastIndexOf(',');
  if (comma > 0) {
    const m = COUNTRY_PART.exec(trimmed.slice(comma + 1).trim());
    const name = trimmed.slice(0, comma).trim();
    if (m && foldName(name)) return { name, countryCode: m[1].toUpperCase(), admin1: m[2] ?? null };
  }
  if (!foldName(trimmed)) throw new ValidationError(field, 'A place needs a name, e.g. "Liverpool", "Ulm, DE" or "Springfield, US-IL"');
  return { name: trimmed, countryCode: null, admin1: null };
}

let shared: Gazetteer | null = null;

/** Path of the committed index next to this module (copied into dist/ by `npm run build`). */
export const GAZETTEER_DATA_FILE = fileURLToPath(new URL('./data/gazetteer.bin.gz', import.meta.url));

/** Reads and indexes the gazetteer file (see gazetteer-data.ts). */
export function readGazetteer(file = GAZETTEER_DATA_FILE): Gazetteer {
  return new Gazetteer(decodeGazetteer(readFileSync(file)));
}

/**
 * The process-wide gazetteer, loaded synchronously on first call (an 8 MB gzipped file; see
 * `npm run bench:places` for the time and memory that costs). Call it once at start-up to keep
 * the cost off the first request.
 */
export function gazetteer(): Gazetteer {
  shared ??= readGazetteer();
  return shared;
}
