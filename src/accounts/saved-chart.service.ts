/**
 * Saved charts: the chart input exactly as the client gave it, plus the resolved UTC instant, time
 * zone, location and settings, owned by one user. Every operation is scoped to its owner: another
 * user's chart id answers NOT_FOUND, exactly like an id that does not exist.
 */
import { NotFoundError, ValidationError, withFieldPrefix } from '../errors.js';
import { resolveMoment } from '../ephemeris/time.js';
import { momentPlaceOf, validateChartRequest } from '../ephemeris/validate.js';
import { locateRequest } from '../services/locations.js';
import type { ChartRequest } from '../ephemeris/types.js';
import { isUuid } from '../auth/account-state.js';
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { decodeCursor, pageSize, toPage, type Page } from './user.service.js';

export const savedChartSelect = {
  id: true,
  ownerId: true,
  name: true,
  input: true,
  utc: true,
  timeZone: true,
  utcOffsetMinutes: true,
  latitude: true,
  longitude: true,
  elevationMeters: true,
  settings: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.SavedChartSelect;
export type SavedChartRecord = Prisma.SavedChartGetPayload<{ select: typeof savedChartSelect }>;

/** Bounds: name length, serialized input size, charts per user. */
export const SAVED_CHART_NAME_MAX = 200;
export const SAVED_CHART_INPUT_MAX_BYTES = 16_384;
export const SAVED_CHARTS_PER_USER_MAX = 1000;

function checkName(name: string, field: string): string {
  const value = typeof name === 'string' ? name.trim() : '';
  if (value.length < 1 || value.length > SAVED_CHART_NAME_MAX) {
    throw new ValidationError(field, `Name must be 1 to ${SAVED_CHART_NAME_MAX} characters`);
  }
  return value;
}

/** JSON-safe copy of the input as given (Dates → ISO strings, undefined dropped). */
function asJson(chart: ChartRequest): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(chart)) as Prisma.InputJsonValue;
}

/** The columns derived from a chart input (validated and resolved). */
function derive(chart: ChartRequest, field: string) {
  const json = asJson(chart);
  if (Buffer.byteLength(JSON.stringify(json)) > SAVED_CHART_INPUT_MAX_BYTES) {
    throw new ValidationError(field, `Chart input larger than ${SAVED_CHART_INPUT_MAX_BYTES} bytes`);
  }
  const request = withFieldPrefix(field, () => validateChartRequest(locateRequest(chart)));
  const moment = withFieldPrefix(field, () => resolveMoment(request.moment, 'moment', momentPlaceOf(request.location)));
  const settings: Record<string, unknown> = {
    bodies: request.bodies,
    houseSystem: request.houseSystem,
    zodiac: request.zodiac,
    center: request.center,
  };
  if (request.ayanamsa) settings.ayanamsa = request.ayanamsa;
  if (chart.aspects) settings.aspects = chart.aspects;
  return {
    input: json,
    utc: moment.utc,
    timeZone: moment.timeZone,
    utcOffsetMinutes: moment.utcOffsetMinutes,
    latitude: request.location?.latitude ?? null,
    longitude: request.location?.longitude ?? null,
    elevationMeters: request.location?.elevationMeters ?? null,
    settings: settings as Prisma.InputJsonValue,
  };
}

export class SavedChartService {
  constructor(private readonly prisma: PrismaClient) {}

  /** Saves a chart for `ownerId`. @throws ValidationError (bad input, or more than 1000 charts). */
  async save(ownerId: string, input: { name: string; chart: ChartRequest }): Promise<SavedChartRecord> {
    const name = checkName(input.name, 'name');
    const data = derive(input.chart, 'chart');
    const count = await this.prisma.savedChart.count({ where: { ownerId } });
    if (count >= SAVED_CHARTS_PER_USER_MAX) {
      throw new ValidationError('', `At most ${SAVED_CHARTS_PER_USER_MAX} saved charts per user`);
    }
    return this.prisma.savedChart.create({ data: { ownerId, name, ...data }, select: savedChartSelect });
  }

  /** The chart `id` of `ownerId`. @throws NotFoundError (absent or someone else's). */
  async get(ownerId: string, id: string): Promise<SavedChartRecord> {
    const row = isUuid(id)
      ? await this.prisma.savedChart.findFirst({ where: { id, ownerId }, select: savedChartSelect })
      : null;
    if (!row) throw new NotFoundError('Saved chart not found');
    return row;
  }

  /** Renames and/or replaces the input of chart `id`. @throws NotFoundError, ValidationError */
  async update(ownerId: string, id: string, input: { name?: string | null; chart?: ChartRequest | null }): Promise<SavedChartRecord> {
    const name = input.name === undefined || input.name === null ? undefined : checkName(input.name, 'name');
    const data = input.chart ? derive(input.chart, 'chart') : {};
    await this.get(ownerId, id);
    const updated = await this.prisma.savedChart.updateMany({
      where: { id, ownerId },
      data: { ...(name !== undefined ? { name } : {}), ...data },
    });
    if (updated.count !== 1) throw new NotFoundError('Saved chart not found');
    return this.get(ownerId, id);
  }

  /** Deletes chart `id`. @throws NotFoundError (absent or someone else's). */
  async delete(ownerId: string, id: string): Promise<boolean> {
    const deleted = isUuid(id) ? await this.prisma.savedChart.deleteMany({ where: { id, ownerId } }) : { count: 0 };
    if (deleted.count !== 1) throw new NotFoundError('Saved chart not found');
    return true;
  }

  /** The owner's charts, newest first, cursor-paginated (keyset on createdAt, id). */
  async list(ownerId: string, options: { first?: number | null; after?: string | null } = {}): Promise<Page<SavedChartRecord>> {
    const take = pageSize(options.first);
    const cursor = options.after ? decodeCursor(options.after, 'after') : undefined;
    const rows = await this.prisma.savedChart.findMany({
      where: {
        ownerId,
        ...(cursor ? { OR: [{ createdAt: { lt: cursor.at } }, { createdAt: cursor.at, id: { lt: cursor.id } }] } : {}),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: take + 1,
      select: savedChartSelect,
    });
    return toPage(rows, take);
  }

  /** Every saved chart (admin view), newest first — used to prove owners load through DataLoader. */
  async listAll(options: { first?: number | null } = {}): Promise<SavedChartRecord[]> {
    return this.prisma.savedChart.findMany({
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: pageSize(options.first),
      select: savedChartSelect,
    });
  }
}

/** The stored input of a saved chart (as given, validated when it was saved), for the chart service. */
export function savedChartInput(input: unknown): ChartRequest {
  return input as ChartRequest;
}
