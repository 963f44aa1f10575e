/**
 * Reader of the ephemeris pack (format: pack-format.ts).
 *
 * The file is read once, whole, on first use (one `readFileSync` of ≈ 6.2 MB: the only file the
 * ephemeris module reads). Coefficients stay packed in that buffer; a segment is decoded to
 * float64 the first time an instant inside it is asked for, and kept (series.ts), so memory grows
 * to at most 8 bytes × all coefficients (≤ 15.4 MiB, src/ephemeris/README.md) when every segment of 1800–2399 has been used.
 */
import { readFileSync } from 'node:fs';
import { CalculationError } from '../../errors.js';
import { dataSectionOffset, PACK_BODIES, PACK_MAGIC, type PackBody, type PackHeader } from './pack-format.js';
import { ChebyshevSeries } from './series.js';

/** Index of each series in the pack (PACK_BODIES order). */
export const PACK_INDEX: Record<PackBody, number> = Object.fromEntries(PACK_BODIES.map((b, i) => [b, i])) as Record<PackBody, number>;

/** Reads a signed little-endian integer of `w` bytes (1–6) at byte `o` of `v`. */
export function readInt(v: DataView, o: number, w: number): number {
  switch (w) {
    case 1: return v.getInt8(o);
    case 2: return v.getInt16(o, true);
    case 3: return v.getUint16(o, true) + v.getInt8(o + 2) * 65536;
    case 4: return v.getInt32(o, true);
    case 5: return v.getUint32(o, true) + v.getInt8(o + 4) * 4294967296;
    default: return v.getUint32(o, true) + v.getInt16(o + 4, true) * 4294967296;
  }
}

/** A parsed pack: header and one lazily decoded series per body. */
export class PackReader {
  readonly header: PackHeader;
  readonly series: ChebyshevSeries[];
  /** Covered span, Julian days TDB: [startJd, endJd). */
  readonly startJd: number;
  readonly endJd: number;
  private readonly data: Uint8Array;
  private readonly view: DataView;

  constructor(buffer: Uint8Array) {
    const magic = String.fromCharCode(...buffer.subarray(0, 8));
    if (magic !== PACK_MAGIC) throw new Error('not an ephemeris pack (bad magic)');
    const whole = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    const headerBytes = whole.getUint32(8, true);
    this.header = JSON.parse(new TextDecoder().decode(buffer.subarray(12, 12 + headerBytes))) as PackHeader;
    const offset = dataSectionOffset(headerBytes);
    if (buffer.byteLength !== offset + this.header.dataBytes) {
      throw new Error(`ephemeris pack has ${buffer.byteLength} bytes, its header says ${offset + this.header.dataBytes}`);
    }
    this.data = buffer.subarray(offset);
    this.view = new DataView(buffer.buffer, buffer.byteOffset + offset, this.header.dataBytes);
    [this.startJd, this.endJd] = this.header.spanJd;
    if (this.header.bodies.length !== PACK_BODIES.length || this.header.bodies.some((b, i) => b.name !== PACK_BODIES[i])) {
      throw new Error('ephemeris pack: unexpected list of series');
    }
    this.series = this.header.bodies.map((h) => {
      const n = h.ncoef;
      const widths = Uint8Array.from(h.widths);
      const byteOffsets = new Int32Array(3 * n);
      let o = 0;
      for (let c = 0; c < 3; c++) for (let k = 0; k < n; k++) { byteOffsets[c * n + k] = o; o += widths[k]; }
      if (o !== h.segmentBytes) throw new Error(`ephemeris pack: ${h.name} segment size mismatch`);
      const view = this.view;
      const q = h.quantumAu;
      const series: ChebyshevSeries = new ChebyshevSeries(n, h.blocks, (s) => {
        const base = h.offset + s * h.segmentBytes;
        const out = series.coefficients;
        const at = s * 3 * n;
        for (let i = 0; i < 3 * n; i++) out[at + i] = readInt(view, base + byteOffsets[i], widths[i % n]) * q;
        series.ready[s] = 1;
      });
      return series;
    });
  }

  /** True when `jd` (TDB ≈ TT) lies inside the pack's span. */
  covers(jd: number): boolean {
    return jd >= this.startJd && jd < this.endJd;
  }

  /** The packed bytes of segment `seg` of series `body` (for the regeneration test). */
  segmentBytes(body: number, seg: number): Uint8Array {
    const h = this.header.bodies[body];
    return this.data.subarray(h.offset + seg * h.segmentBytes, h.offset + (seg + 1) * h.segmentBytes);
  }

  /** The whole data section (for the checksum test). */
  dataSection(): Uint8Array {
    return this.data;
  }
}

/** The committed pack, next to this module's source (src/) or compiled copy (dist/src/). */
export const PACK_URL = new URL('../data/ephemeris.pack', import.meta.url);

let loaded: PackReader | null = null;

/**
 * The committed pack, read on first use.
 * @throws CalculationError when the file is missing or malformed
 */
export function ephemerisPack(): PackReader {
  if (!loaded) {
    try {
      loaded = new PackReader(readFileSync(PACK_URL));
    } catch (cause) {
      throw new CalculationError(`ephemeris pack ${PACK_URL.pathname} unreadable: ${(cause as Error).message}`, { cause });
    }
  }
  return loaded;
}
