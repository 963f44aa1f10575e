/**
 * Gazetteer search, the place-string parser, resolution with suggestions, and the fold.
 * Expected places are public facts (country, division, approximate coordinates, which of two
 * same-named places is larger); rankings are checked against the ranking rule (exact before
 * prefix, then population) on the data itself.
 */
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import { foldName, nameKeys } from '../../src/places/fold.js';
import { gazetteer, parsePlaceQuery, UnknownPlaceError, type PlaceMatch } from '../../src/places/gazetteer.js';

const g = gazetteer();

function fieldOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof ValidationError) return e.field;
    throw e;
  }
  throw new Error('expected a ValidationError');
}

/** The ranking rule: EXACT before PREFIX, then population descending, each place once. */
function expectRanked(matches: PlaceMatch[]): void {
  expect(matches.length).toBeGreaterThan(0);
  const ids = new Set(matches.map((m) => m.place.id));
  expect(ids.size).toBe(matches.length);
  for (let i = 1; i < matches.length; i++) {
    const a = matches[i - 1], b = matches[i];
    const tier = (m: PlaceMatch) => (m.quality === 'EXACT' ? 0 : 1);
    expect(tier(a) <= tier(b)).toBe(true);
    if (tier(a) === tier(b)) expect(a.place.population >= b.place.population).toBe(true);
  }
}

describe('fold', () => {
  it('ignores accents, case and punctuation and spells out ß, ł, ø …', () => {
    expect(foldName('São Paulo')).toBe('sao paulo');
    expect(foldName('  SAINT-Étienne ')).toBe('saint etienne');
    expect(foldName('Łódź')).toBe('lodz');
    expect(foldName('Großenhain')).toBe('grossenhain');
    expect(foldName('Tromsø')).toBe('tromso');
    expect(foldName('İstanbul')).toBe('istanbul');
    expect(foldName("Ul'm")).toBe('ulm');
    expect(foldName('Ｔｏｋｙｏ')).toBe('tokyo');
    expect(foldName('...')).toBe('');
    expect(nameKeys("L'Aquila")).toEqual(['laquila', 'l aquila']);
    expect(nameKeys('Ulm')).toEqual(['ulm']);
  });
});

describe('search', () => {
  it('is accent- and case-insensitive and prefix-tolerant ("sao paulo", "São Paulo", "Sao Paul")', () => {
    for (const q of ['sao paulo', 'São Paulo', 'SAO PAULO', 'Sao Paul', 'são p']) {
      const top = g.search(q, { limit: 5 });
      expectRanked(top);
      expect(top[0].place.name, q).toBe('São Paulo');
      expect(top[0].place.countryCode).toBe('BR');
      expect(foldName(top[0].place.admin1Name ?? '')).toBe('sao paulo');
    }
    expect(g.search('sao paulo')[0].quality).toBe('EXACT');
    expect(g.search('Sao Paul')[0].quality).toBe('PREFIX');
  });

  it('ranks exact matches before prefixes, then by population', () => {
    // "paris": Paris, France (2.1 M) first; every exact Paris before any "Paris…" prefix match
    const r = g.search('Paris', { limit: 20 });
    expectRanked(r);
    expect(r[0].place.countryCode).toBe('FR');
    expect(r.filter((m) => m.quality === 'EXACT').length).toBeGreaterThan(3);
    // a short prefix: the most populous places whose some name starts with "s"
    const s = g.search('s', { limit: 10 });
    expectRanked(s);
    expect(s[0].place.name).toBe('Shanghai');
    for (const m of s) expect(m.matchedName.startsWith('s')).toBe(true);
  });

  it('finds places by alternate names in other scripts and languages', () => {
    expect(g.search('Москва', { limit: 1 })[0].place.name).toBe('Moscow');
    expect(g.search('北京', { limit: 1 })[0].place.countryCode).toBe('CN');
    expect(g.search('München', { limit: 1 })[0].place.name).toBe('Munich');
    expect(g.search("l'aquila", { limit: 1 })[0].place.name).toBe("L'Aquila");
    expect(g.search('l aquila', { limit: 1 })[0].place.name).toBe("L'Aquila");
  });

  it('filters by country and first-level division', () => {
    const ulm = g.search('ulm', { countryCode: 'de' });
    expectRanked(ulm);
    for (const m of ulm) expect(m.place.countryCode).toBe('DE');
    expect(ulm[0].place).toMatchObject({ name: 'Ulm', admin1Name: 'Baden-Wurttemberg', timeZone: 'Europe/Berlin' });
    const il = g.search('Springfield', { countryCode: 'US', admin1: 'IL' });
    expect(il[0].place).toMatchObject({ name: 'Springfield', countryCode: 'US', admin1Code: 'IL', timeZone: 'America/Chicago' });
    expect(Math.abs(il[0].place.latitude - 39.80)).toBeLessThan(0.05);
    for (const m of il) expect(m.place.admin1Code).toBe('IL');
    // the division by name, and a prefix within a small country
    expect(g.search('Springfield', { countryCode: 'US', admin1: 'illinois' })[0].place.admin1Code).toBe('IL');
    const li = g.search('s', { countryCode: 'LI', limit: 10 });
    expectRanked(li);
    for (const m of li) expect(m.place.countryCode).toBe('LI');
  });

  it('the country filter agrees with filtering the unfiltered ranking', () => {
    for (const [q, cc] of [['san', 'US'], ['ber', 'DE'], ['a', 'FR'], ['new', 'GB']] as const) {
      const filtered = g.search(q, { countryCode: cc, limit: 8 }).map((m) => m.place.id);
      const all = g.search(q, { limit: 50 }).filter((m) => m.place.countryCode === cc).map((m) => m.place.id);
      expect(filtered.length).toBe(8);
      // the unfiltered top 50 holds a prefix of the filtered list, in the same order
      expect(filtered.slice(0, all.length)).toEqual(all.slice(0, filtered.length));
    }
  });

  it('returns nothing for an unknown name, and validates its inputs', () => {
    expect(g.search('Xqzzyvw')).toEqual([]);
    expect(fieldOf(() => g.search('   '))).toBe('search');
    expect(fieldOf(() => g.search('x'.repeat(201)))).toBe('search');
    expect(fieldOf(() => g.search('Ulm', { countryCode: 'DEU' }))).toBe('countryCode');
    expect(fieldOf(() => g.search('Ulm', { countryCode: 'XX' }))).toBe('countryCode');
    expect(fieldOf(() => g.search('Ulm', { limit: 0 }))).toBe('limit');
    expect(fieldOf(() => g.search('Ulm', { limit: 51 }))).toBe('limit');
    expect(fieldOf(() => g.search('Ulm', { admin1: 'BW' }))).toBe('admin1');
    expect(fieldOf(() => g.search('Ulm', { countryCode: 'DE', admin1: 'Atlantis' }))).toBe('admin1');
  });

  it('places carry the GeoNames fields', () => {
    const liverpool = g.search('Liverpool', { countryCode: 'GB', limit: 1 })[0].place;
    expect(liverpool).toMatchObject({ id: '2644210', geonameId: 2644210, name: 'Liverpool', countryCode: 'GB', admin1Code: 'ENG', admin1Name: 'England', timeZone: 'Europe/London' });
    expect(liverpool.population).toBeGreaterThan(400_000);
    expect(liverpool.elevationMeters).not.toBeNull();
    expect(g.getById(2644210)?.name).toBe('Liverpool');
    expect(g.getById('0')).toBeNull();
    expect(g.size).toBeGreaterThan(140_000);
  });
});

describe('place strings', () => {
  it('parses "Name", "Name, CC" and "Name, CC-REGION"', () => {
    expect(parsePlaceQuery('Liverpool')).toEqual({ name: 'Liverpool', countryCode: null, admin1: null });
    expect(parsePlaceQuery(' Ulm, de ')).toEqual({ name: 'Ulm', countryCode: 'DE', admin1: null });
    expect(parsePlaceQuery('Springfield, US-IL')).toEqual({ name: 'Springfield', countryCode: 'US', admin1: 'IL' });
    expect(parsePlaceQuery('Ulm, DE-Baden-Württemberg')).toEqual({ name: 'Ulm', countryCode: 'DE', admin1: 'Baden-Württemberg' });
    expect(parsePlaceQuery('Washington, D.C.')).toEqual({ name: 'Washington, D.C.', countryCode: null, admin1: null });
    expect(fieldOf(() => parsePlaceQuery(' , ', 'input.location.place'))).toBe('input.location.place');
    expect(fieldOf(() => parsePlaceQuery('a'.repeat(201)))).toBe('location.place');
  });

  it('resolves to the best-ranked match', () => {
    expect(g.resolve('Liverpool').place.countryCode).toBe('GB'); // larger than Liverpool, NSW
    expect(g.resolve('Liverpool, AU').place.admin1Name).toBe('New South Wales');
    expect(g.resolve('Ulm, DE').place.geonameId).toBe(2820256);
    expect(g.resolve('Springfield, US-IL').place.admin1Code).toBe('IL');
    expect(g.resolve('Springfield, US-MO').place.admin1Code).toBe('MO');
    expect(g.resolve('Washington, D.C.').place.admin1Code).toBe('DC');
    // a last part naming a division or a country
    expect(g.resolve('Paris, Texas').place).toMatchObject({ countryCode: 'US', admin1Code: 'TX' });
    expect(g.resolve('Ulm, Germany').place.geonameId).toBe(2820256);
  });

  it('an unknown place is a BAD_USER_INPUT naming the field, offering the nearest names', () => {
    for (const [text, expected] of [['Lverpool', 'Liverpool'], ['Liverpoool', 'Liverpool'], ['Mnchen', 'Munich'], ['Sprngfield, US-IL', 'Springfield']] as const) {
      let err: unknown;
      try { g.resolve(text, 'input.location.place'); } catch (e) { err = e; }
      expect(err, text).toBeInstanceOf(UnknownPlaceError);
      const u = err as UnknownPlaceError;
      expect(u.code).toBe('BAD_USER_INPUT');
      expect(u.field).toBe('input.location.place');
      expect(u.suggestions.length, text).toBeGreaterThan(0);
      expect(u.suggestions[0].name, text).toBe(expected);
      expect(u.message).toContain(`${expected} (`);
    }
    expect(fieldOf(() => g.resolve('Ulm, XX'))).toBe('location.place');
    expect(fieldOf(() => g.resolve('Springfield, US-Atlantis'))).toBe('location.place');
    expect(() => g.resolve('Xqzzyvw')).toThrow(/Unknown place "Xqzzyvw"/);
  });
});
