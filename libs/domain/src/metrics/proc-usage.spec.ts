import { groupNanoCores, nodeNanoCores, nodeWorkingSetBytes, parseCpuTimes, parseMemInfo, parseProcessStat } from './proc-usage';

describe('reading /proc for resource usage', () => {
  it('reads group, CPU ticks (own and reaped children) and RSS from a process stat line', () => {
    const line = '4242 (sh) S 1 4242 4242 0 -1 4194560 120 0 0 0 250 30 7 3 20 0 1 0 73936 3133440 381 18446744073709551615 0 0 0';
    expect(parseProcessStat(line)).toEqual({ pid: 4242, pgrp: 4242, cpuTicks: 250 + 30 + 7 + 3, rssPages: 381 });
  });

  it('is not fooled by a command name with spaces and parentheses', () => {
    const line = '77 (my (odd) name) R 1 70 70 0 -1 0 0 0 0 0 5 6 0 0 20 0 1 0 1 1 12 0';
    expect(parseProcessStat(line)).toMatchObject({ pid: 77, pgrp: 70, cpuTicks: 11, rssPages: 12 });
  });

  it('refuses text that is not a stat line', () => {
    expect(parseProcessStat('')).toBeUndefined();
    expect(parseProcessStat('12 (x) S 1')).toBeUndefined();
  });

  it('counts busy ticks as everything but idle and iowait', () => {
    expect(parseCpuTimes('cpu  100 10 50 800 40 0 5 0 0 0\ncpu0 1 2 3 4 5 6 7 8 0 0\n')).toEqual({ busy: 165, total: 1005 });
    expect(parseCpuTimes('intr 1 2 3')).toBeUndefined();
  });

  it('reads MemTotal and MemAvailable in bytes; the working set is their difference', () => {
    const m = parseMemInfo('MemTotal:       1000 kB\nMemFree:         200 kB\nMemAvailable:    600 kB\n')!;
    expect(m).toEqual({ totalBytes: 1_024_000, availableBytes: 614_400 });
    expect(nodeWorkingSetBytes(m)).toBe(409_600);
    expect(parseMemInfo('MemTotal: 1000 kB\n')).toBeUndefined();
  });

  it('turns tick deltas into nanocores over the window', () => {
    // 150 ticks at 100/s over 3 s: half a core.
    expect(groupNanoCores(1000, 1150, 3, 100)).toBe(500_000_000);
    // A process left the group with its time: never negative.
    expect(groupNanoCores(1150, 1000, 3, 100)).toBe(0);
    expect(groupNanoCores(0, 10, 0, 100)).toBe(0);
  });

  it('scales the node busy share by its CPUs', () => {
    // A quarter of all ticks busy on 4 CPUs: one core.
    expect(nodeNanoCores({ busy: 100, total: 1000 }, { busy: 350, total: 2000 }, 4)).toBe(1_000_000_000);
    expect(nodeNanoCores({ busy: 100, total: 1000 }, { busy: 100, total: 1000 }, 4)).toBe(0);
  });
});
