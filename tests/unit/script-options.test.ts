/**
 * The command-line options of the benchmark and soak scripts (scripts/options.ts): a value is never
 * the next option, and a malformed whole number is an error naming the option.
 */
import { describe, expect, it } from 'vitest';
import { flag, wholeNumberFlag } from '../../scripts/options.js';

const argv = (line: string) => ['node', 'script.js', ...line.split(' ').filter(Boolean)];

describe('flag', () => {
  it('reads the value after the option, else the fallback', () => {
    expect(flag('redis', 'redis://default', argv('--redis redis://other:6380'))).toBe('redis://other:6380');
    expect(flag('redis', 'redis://default', argv('--accounts'))).toBe('redis://default');
    expect(flag('redis', 'redis://default', argv('--redis'))).toBe('redis://default');
  });

  it('never takes the next option as the value', () => {
    expect(flag('redis', 'redis://default', argv('--redis --accounts'))).toBe('redis://default');
  });

  it('finds an option first in an argument list without the node and script paths', () => {
    expect(flag('redis', 'redis://default', ['--redis', 'redis://other:6380'])).toBe('redis://other:6380');
    expect(wholeNumberFlag('rounds', 1, 1, 'rounds', ['--rounds', '4'])).toBe(4);
  });
});

describe('wholeNumberFlag', () => {
  it('reads a whole number, or the fallback when the option is absent', () => {
    expect(wholeNumberFlag('rounds', 1, 1, 'rounds', argv('--rounds 3 --accounts'))).toBe(3);
    expect(wholeNumberFlag('rounds', 1, 1, 'rounds', argv('--accounts'))).toBe(1);
    expect(wholeNumberFlag('cache-ttl', 3600, 0, 'seconds', argv('--cache-ttl 0'))).toBe(0);
  });

  it.each(['--rounds', '--rounds --accounts', '--rounds 2x', '--rounds 1.5', '--rounds -1', '--rounds 0'])(
    'refuses %j, naming the option, its minimum and unit',
    (line) => {
      expect(() => wholeNumberFlag('rounds', 1, 1, 'rounds', argv(line))).toThrow('--rounds needs a whole number ≥ 1 (rounds)');
    },
  );

  it('keeps a bounded option within its range, the bounds included', () => {
    const bounds = { min: 1, max: 1024 };
    expect(wholeNumberFlag('memory-cache-mb', 0, bounds, 'MiB', argv('--memory-cache-mb 1'))).toBe(1);
    expect(wholeNumberFlag('memory-cache-mb', 0, bounds, 'MiB', argv('--memory-cache-mb 1024'))).toBe(1024);
    for (const value of ['0', '1025', '']) {
      expect(() => wholeNumberFlag('memory-cache-mb', 0, bounds, 'MiB', argv(`--memory-cache-mb ${value}`))).toThrow(
        '--memory-cache-mb needs a whole number from 1 to 1024 (MiB)',
      );
    }
  });
});
