/**
 * Places whose local time the tz database gives a known offset, on every inhabited continent, with
 * the rule that sets it: the zone tests read each through the gazetteer (unit) and through the
 * GraphQL API (integration).
 */
// [place string, public latitude, longitude, expected zone, local time, expected offset s, why]
export const ZONE_PLACES: Array<[string, number, number, string, string, number, string]> = [
  // Europe
  ['Liverpool, GB', 53.41, -2.98, 'Europe/London', '1940-10-15T12:00:00', 3600, 'GB-Eire 1940 Feb Sun>=23 BST, no return to GMT until BDST in May 1941'],
  ['Liverpool, GB', 53.41, -2.98, 'Europe/London', '1940-12-25T12:00:00', 3600, 'summer time kept all winter 1940-41'],
  ['Liverpool, GB', 53.41, -2.98, 'Europe/London', '1938-12-25T12:00:00', 0, 'an ordinary winter: GMT'],
  ['Reykjavik', 64.14, -21.9, 'Atlantic/Reykjavik', '2021-07-01T12:00:00', 0, 'GMT all year since 1968'],
  ['Moscow, RU', 55.75, 37.62, 'Europe/Moscow', '2021-01-15T12:00:00', 10800, 'MSK +3 since 2014-10-26'],
  ['Istanbul', 41.01, 28.95, 'Europe/Istanbul', '2021-01-15T12:00:00', 10800, '+03 all year since 2016-09-07'],
  ['Lisbon', 38.72, -9.13, 'Europe/Lisbon', '2021-07-01T12:00:00', 3600, 'WEST'],
  ['Paris, FR', 48.85, 2.35, 'Europe/Paris', '2021-07-01T12:00:00', 7200, 'CEST'],
  // Africa
  ['Casablanca', 33.59, -7.61, 'Africa/Casablanca', '2012-07-01T12:00:00', 3600, 'Rule Morocco 2012 Apr lastSun +1'],
  ['Casablanca', 33.59, -7.61, 'Africa/Casablanca', '2012-08-01T12:00:00', 0, 'Rule Morocco 2012 Jul 20 → 0 (Ramadan) until Aug 20'],
  ['Casablanca', 33.59, -7.61, 'Africa/Casablanca', '2012-09-01T12:00:00', 3600, 'Rule Morocco 2012 Aug 20 +1 until Sep 30'],
  ['Casablanca', 33.59, -7.61, 'Africa/Casablanca', '2023-03-01T12:00:00', 3600, 'Zone 1:00 Morocco since 2018 Oct 28'],
  ['Casablanca', 33.59, -7.61, 'Africa/Casablanca', '2023-04-01T12:00:00', 0, 'Rule Morocco 2023 Mar 19 −1:00 (Ramadan) until Apr 23'],
  ['Casablanca', 33.59, -7.61, 'Africa/Casablanca', '2023-05-15T12:00:00', 3600, 'back to +01 on 2023-04-23'],
  ['Nairobi', -1.29, 36.82, 'Africa/Nairobi', '2021-07-01T12:00:00', 10800, 'EAT'],
  ['Lagos', 6.45, 3.39, 'Africa/Lagos', '2021-07-01T12:00:00', 3600, 'WAT'],
  ['Cairo', 30.04, 31.24, 'Africa/Cairo', '2021-07-01T12:00:00', 7200, 'no DST 2015–2022'],
  ['Johannesburg', -26.2, 28.04, 'Africa/Johannesburg', '2021-07-01T12:00:00', 7200, 'SAST'],
  // Asia
  ['Tokyo', 35.69, 139.69, 'Asia/Tokyo', '2021-07-01T12:00:00', 32400, 'JST'],
  ['Kathmandu', 27.7, 85.32, 'Asia/Kathmandu', '2021-07-01T12:00:00', 20700, '+0545 since 1986'],
  ['Tehran', 35.69, 51.42, 'Asia/Tehran', '2021-01-15T12:00:00', 12600, '+0330'],
  ['Mumbai', 19.08, 72.88, 'Asia/Kolkata', '2021-07-01T12:00:00', 19800, 'IST +5:30'],
  ['Singapore', 1.29, 103.85, 'Asia/Singapore', '2021-07-01T12:00:00', 28800, '+08 since 1982'],
  ['Ulaanbaatar', 47.91, 106.88, 'Asia/Ulaanbaatar', '2021-07-01T12:00:00', 28800, '+08, no DST since 2017'],
  // North America
  ['Phoenix, US-AZ', 33.45, -112.07, 'America/Phoenix', '2021-07-01T12:00:00', -25200, 'Arizona: MST all year since 1968 Mar 21'],
  ['Tuba City, US-AZ', 36.13, -111.24, 'America/Denver', '2021-07-01T12:00:00', -21600, 'Navajo Nation keeps DST (America/Denver)'],
  ['Indianapolis, US-IN', 39.77, -86.16, 'America/Indiana/Indianapolis', '2005-07-01T12:00:00', -18000, '"-5:00 - EST 2006": no DST'],
  ['Indianapolis, US-IN', 39.77, -86.16, 'America/Indiana/Indianapolis', '2007-07-01T12:00:00', -14400, '"-5:00 US E%sT" from 2006: EDT'],
  ['Vincennes, US-IN', 38.68, -87.53, 'America/Indiana/Vincennes', '2007-07-01T12:00:00', -18000, '"-6:00 US C%sT 2007 Nov 4": CDT'],
  ['Vincennes, US-IN', 38.68, -87.53, 'America/Indiana/Vincennes', '2008-07-01T12:00:00', -14400, 'back to Eastern: EDT'],
  ["St. John's, CA", 47.56, -52.71, 'America/St_Johns', '2021-01-15T12:00:00', -12600, 'NST −3:30'],
  ["St. John's, CA", 47.56, -52.71, 'America/St_Johns', '2021-07-15T12:00:00', -9000, 'NDT −2:30'],
  ['Mexico City', 19.43, -99.13, 'America/Mexico_City', '2021-01-15T12:00:00', -21600, 'CST'],
  ['Honolulu', 21.31, -157.86, 'Pacific/Honolulu', '2021-07-01T12:00:00', -36000, 'HST, no DST'],
  ['Anchorage', 61.22, -149.9, 'America/Anchorage', '2021-01-15T12:00:00', -32400, 'AKST'],
  // South America
  ['Sao Paulo', -23.55, -46.63, 'America/Sao_Paulo', '2021-01-15T12:00:00', -10800, 'no DST since 2019'],
  ['Buenos Aires', -34.61, -58.38, 'America/Argentina/Buenos_Aires', '2021-07-01T12:00:00', -10800, '−03'],
  ['Lima', -12.05, -77.04, 'America/Lima', '2021-07-01T12:00:00', -18000, '−05'],
  ['Bogota', 4.61, -74.08, 'America/Bogota', '2021-07-01T12:00:00', -18000, '−05'],
  ['Santiago, CL', -33.46, -70.65, 'America/Santiago', '2021-01-15T12:00:00', -10800, 'Chile summer time −03'],
  ['Santiago, CL', -33.46, -70.65, 'America/Santiago', '2021-07-15T12:00:00', -14400, 'Chile standard time −04'],
  // Oceania
  ['Sydney', -33.87, 151.21, 'Australia/Sydney', '2021-01-15T12:00:00', 39600, 'AEDT'],
  ['Sydney', -33.87, 151.21, 'Australia/Sydney', '2021-07-15T12:00:00', 36000, 'AEST'],
  ['Adelaide', -34.93, 138.6, 'Australia/Adelaide', '2021-07-15T12:00:00', 34200, 'ACST +9:30'],
  ['Auckland', -36.85, 174.76, 'Pacific/Auckland', '2021-01-15T12:00:00', 46800, 'NZDT'],
  ['Apia', -13.83, -171.77, 'Pacific/Apia', '2011-12-28T12:00:00', -36000, '"-11:00 WS %z 2011 Dec 29 24:00" with DST: −10'],
  ['Apia', -13.83, -171.77, 'Pacific/Apia', '2012-01-15T12:00:00', 50400, '"13:00 WS %z" with DST: +14'],
  ['Tabwakea Village, KI', 2.02, -157.49, 'Pacific/Kiritimati', '2021-07-01T12:00:00', 50400, 'Kiritimati "14:00 - %z" since 1995'],
  ['Tabwakea Village, KI', 2.02, -157.49, 'Pacific/Kiritimati', '1990-07-01T12:00:00', -36000, '"-10:00 - %z 1994 Dec 31"'],
  ['Ulm, DE', 48.40, 9.99, 'Europe/Berlin', '1990-07-01T12:00:00', 7200, 'CEST'],
  ['São Paulo', -23.55, -46.63, 'America/Sao_Paulo', '2021-01-15T12:00:00', -10800, 'no DST since 2019 (the accented name)'],
  ['Springfield, US-IL', 39.8, -89.64, 'America/Chicago', '2021-07-01T12:00:00', -18000, 'CDT'],
];
