/**
 * Enums of the zone report of a resolved moment (`MomentZone`), built from the ephemeris' `as
 * const` arrays, with a description on every value. Importing this module registers them.
 */
import { registerEnumType } from 'type-graphql';
import {
  LOCAL_TIME_KINDS, LOCAL_TIME_RESOLUTIONS, ZONE_SOURCES, type LocalTimeKind, type LocalTimeResolution, type ZoneSource,
} from '../../ephemeris/types.js';
import { enumObject } from '../enums.js';

export const ZoneSourceEnum = enumObject(ZONE_SOURCES);
export const LocalTimeKindEnum = enumObject(LOCAL_TIME_KINDS);
export const LocalTimeResolutionEnum = enumObject(LOCAL_TIME_RESOLUTIONS);

const ZONE_SOURCE_DESCRIPTIONS: Record<ZoneSource, string> = {
  GIVEN_ZONE: 'moment.timeZone was given: its offset at that instant (historical rules and DST honoured).',
  GIVEN_OFFSET: 'moment.utcOffsetMinutes was given.',
  LOCATION: 'Neither zone nor offset was given: the zone of the location (its place, or the zone boundaries at its coordinates).',
  LOCAL_MEAN_TIME:
    'Local mean time of the location\'s longitude (UT = local time − longitude/15 h): asked with timeZone "LMT", or used because the zone\'s rule at that date is local mean time (before the place adopted standard time).',
  UTC: 'moment.utc was given: no local time to read.',
};

const LOCAL_TIME_DESCRIPTIONS: Record<LocalTimeKind, string> = {
  UNIQUE: 'The local time existed once (or no local time was given).',
  GAP: 'The local time was skipped (clocks set forward, or a day skipped as in Samoa on 2011-12-30).',
  OVERLAP: 'The local time occurred twice (clocks set back).',
};

const RESOLUTION_DESCRIPTIONS: Record<LocalTimeResolution, string> = {
  SHIFTED_FORWARD: 'In a gap: moved forward by the length of the gap (disambiguation COMPATIBLE or LATER).',
  SHIFTED_BACKWARD: 'In a gap: moved backward by the length of the gap (disambiguation EARLIER).',
  EARLIER: 'In an overlap: the earlier of the two instants (COMPATIBLE or EARLIER).',
  LATER: 'In an overlap: the later of the two instants (LATER).',
};

registerEnumType(ZoneSourceEnum, {
  name: 'ZoneSource',
  description: 'Where the offset of a resolved local time came from.',
  valuesConfig: Object.fromEntries(ZONE_SOURCES.map((v) => [v, { description: ZONE_SOURCE_DESCRIPTIONS[v] }])),
});
registerEnumType(LocalTimeKindEnum, {
  name: 'LocalTimeKind',
  description: 'Whether a wall-clock time existed once, was skipped or was repeated in its zone.',
  valuesConfig: Object.fromEntries(LOCAL_TIME_KINDS.map((v) => [v, { description: LOCAL_TIME_DESCRIPTIONS[v] }])),
});
registerEnumType(LocalTimeResolutionEnum, {
  name: 'LocalTimeResolution',
  description: 'How a local time in a DST gap or overlap was resolved (from moment.disambiguation).',
  valuesConfig: Object.fromEntries(LOCAL_TIME_RESOLUTIONS.map((v) => [v, { description: RESOLUTION_DESCRIPTIONS[v] }])),
});
