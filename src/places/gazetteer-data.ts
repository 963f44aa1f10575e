/**
 * The committed gazetteer index (src/places/data/gazetteer.bin.gz): its logical shape and its
 * binary form. Written by scripts/build-gazetteer.ts, read by gazetteer.ts.
 *
 * Places are ordered by population (descending, then GeoNames id), so a smaller place index
 * means a larger population; postings of every key are ascending place indices.
 *
 * Binary form (gzip of): one line of JSON (the header: format, attribution, sources, the small
 * lookup lists and the section table), zero padding to a multiple of 4 bytes, then the sections
 * in the order of the table, each padded to a multiple of 4 bytes. A section is either `i32`
 * (little-endian Int32 values) or `lines` (UTF-8 strings joined by "\n"). Loading is a gunzip,
 * a few typed-array copies and string splits: no per-value parsing.
 */
import { endianness } from 'node:os';
import { gunzipSync, gzipSync } from 'node:zlib';

const LITTLE_ENDIAN = endianness() === 'LE';

export const GAZETTEER_FORMAT = 2;
/** Stored in `places.elevation` when the elevation is unknown. */
export const NO_ELEVATION = -32768;

export interface GazetteerData {
  format: number;
  attribution: string;
  sources: Record<string, string>;
  countries: string[];
  zones: string[];
  /** "CC.code", e.g. "US.IL", "GB.ENG", "DE.01". */
  admin1Codes: string[];
  /** Names of admin1Codes ("" when unknown). */
  admin1Names: string[];
  places: {
    geonameId: Int32Array;
    name: string[];
    /** "" when equal to name. */
    asciiName: string[];
    country: Int32Array;
    /** Index into admin1Codes/admin1Names, −1 when none. */
    admin1: Int32Array;
    /** Degrees × 1e5 (GeoNames gives 5 decimals). */
    latitudeE5: Int32Array;
    longitudeE5: Int32Array;
    /** Metres, NO_ELEVATION when unknown. */
    elevation: Int32Array;
    population: Int32Array;
    zone: Int32Array;
    /** Index into `keys` of the folded primary name, −1 if it folds to nothing. */
    nameKey: Int32Array;
  };
  /** Sorted (UTF-16 code unit order) unique folded names. */
  keys: string[];
  /** Postings of key k are postings[keyStart[k] … keyStart[k + 1]). */
  keyStart: Int32Array;
  /** Place indices. */
  postings: Int32Array;
}

type SectionName =
  | `places.${Exclude<keyof GazetteerData['places'], never>}`
  | 'keys' | 'keyStart' | 'postings';

interface SectionEntry { name: SectionName; type: 'i32' | 'lines'; byteLength: number }

interface Header {
  format: number;
  attribution: string;
  sources: Record<string, string>;
  countries: string[];
  zones: string[];
  admin1Codes: string[];
  admin1Names: string[];
  sections: SectionEntry[];
}

const PLACE_INT_COLUMNS = ['geonameId', 'country', 'admin1', 'latitudeE5', 'longitudeE5', 'elevation', 'population', 'zone', 'nameKey'] as const;
const PLACE_TEXT_COLUMNS = ['name', 'asciiName'] as const;

function pad4(n: number): number {
  return (4 - (n % 4)) % 4;
}

/** Binary, gzipped form of the data (deterministic: same data, same bytes). */
export function encodeGazetteer(data: GazetteerData): Buffer {
  const parts: Array<{ name: SectionName; type: 'i32' | 'lines'; bytes: Buffer }> = [];
  const lines = (name: SectionName, values: readonly string[]) => {
    for (const v of values) if (v.includes('\n')) throw new Error(`newline in ${name}: ${JSON.stringify(v)}`);
    parts.push({ name, type: 'lines', bytes: Buffer.from(values.join('\n'), 'utf8') });
  };
  const ints = (name: SectionName, values: Int32Array) => {
    const b = Buffer.alloc(values.length * 4);
    values.forEach((v, i) => b.writeInt32LE(v, i * 4));
    parts.push({ name, type: 'i32', bytes: b });
  };
  for (const c of PLACE_INT_COLUMNS) ints(`places.${c}`, data.places[c]);
  for (const c of PLACE_TEXT_COLUMNS) lines(`places.${c}`, data.places[c]);
  lines('keys', data.keys);
  ints('keyStart', data.keyStart);
  ints('postings', data.postings);
  const header: Header = {
    format: data.format, attribution: data.attribution, sources: data.sources,
    countries: data.countries, zones: data.zones, admin1Codes: data.admin1Codes, admin1Names: data.admin1Names,
    sections: parts.map((p) => ({ name: p.name, type: p.type, byteLength: p.bytes.length })),
  };
  const head = Buffer.from(`${JSON.stringify(header)}\n`, 'utf8');
  const chunks: Buffer[] = [head, Buffer.alloc(pad4(head.length))];
  for (const p of parts) chunks.push(p.bytes, Buffer.alloc(pad4(p.bytes.length)));
  return gzipSync(Buffer.concat(chunks), { level: 9 });
}

/**
 * The "\n"-separated UTF-8 strings of raw[start, end), each decoded on its own: a split of one
 * big string would give slices that keep the whole section alive, and two bytes per character
 * for all of it as soon as one name is in a non-Latin script.
 */
function splitLines(raw: Buffer, start: number, end: number): string[] {
  const out: string[] = [];
  let from = start;
  for (;;) {
    const nl = raw.indexOf(0x0a, from);
    if (nl < 0 || nl >= end) {
      out.push(raw.toString('utf8', from, end));
      return out;
    }
    out.push(raw.toString('utf8', from, nl));
    from = nl + 1;
  }
}

/** Reads the binary form (see the module comment). Throws on a malformed or foreign file. */
export function decodeGazetteer(gz: Buffer): GazetteerData {
  const raw = gunzipSync(gz);
  const nl = raw.indexOf(0x0a);
  if (nl < 0) throw new Error('gazetteer: no header');
  const header = JSON.parse(raw.toString('utf8', 0, nl)) as Header;
  if (header.format !== GAZETTEER_FORMAT) throw new Error(`gazetteer data format ${header.format}, expected ${GAZETTEER_FORMAT}`);
  let at = nl + 1;
  at += pad4(at);
  const sections = new Map<SectionName, Int32Array | string[]>();
  for (const s of header.sections) {
    if (at + s.byteLength > raw.length) throw new Error(`gazetteer: section ${s.name} is truncated`);
    if (s.type === 'i32') {
      // a copy, so that the decompressed buffer can be freed
      let out: Int32Array;
      if (LITTLE_ENDIAN) {
        out = new Int32Array(raw.buffer.slice(raw.byteOffset + at, raw.byteOffset + at + s.byteLength));
      } else {
        out = new Int32Array(s.byteLength / 4);
        for (let i = 0; i < out.length; i++) out[i] = raw.readInt32LE(at + 4 * i);
      }
      sections.set(s.name, out);
    } else {
      sections.set(s.name, s.byteLength === 0 ? [] : splitLines(raw, at, at + s.byteLength));
    }
    at += s.byteLength + pad4(s.byteLength);
  }
  const int = (n: SectionName) => {
    const v = sections.get(n);
    if (!(v instanceof Int32Array)) throw new Error(`gazetteer: missing section ${n}`);
    return v;
  };
  const text = (n: SectionName) => {
    const v = sections.get(n);
    if (!Array.isArray(v)) throw new Error(`gazetteer: missing section ${n}`);
    return v;
  };
  const places = {} as GazetteerData['places'];
  for (const c of PLACE_INT_COLUMNS) places[c] = int(`places.${c}`);
  for (const c of PLACE_TEXT_COLUMNS) places[c] = text(`places.${c}`);
  return {
    format: header.format, attribution: header.attribution, sources: header.sources,
    countries: header.countries, zones: header.zones, admin1Codes: header.admin1Codes, admin1Names: header.admin1Names,
    places, keys: text('keys'), keyStart: int('keyStart'), postings: int('postings'),
  };
}
