/**
 * Reading Linux's /proc text for resource usage (the agent does the reading; this is the
 * arithmetic): per process from `/proc/<pid>/stat`, per node from `/proc/stat` and
 * `/proc/meminfo`, and CPU rates from two readings.
 */

export interface ProcessStat {
  pid: number;
  /** Process group: a container's processes share its main process's pid as their group. */
  pgrp: number;
  /**
   * CPU time in clock ticks: own user + system time, plus that of its waited-for
   * children (cutime + cstime), so a child's time is still counted once it has exited.
   */
  cpuTicks: number;
  rssPages: number;
}

/** One line of `/proc/<pid>/stat`; undefined when it is not one. */
export function parseProcessStat(text: string): ProcessStat | undefined {
  // The command name (field 2) is in parentheses and may itself contain spaces or ')'.
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return undefined;
  const pid = Number(text.slice(0, open).trim());
  // Fields from 3 (state) on.
  const f = text.slice(close + 2).trim().split(/\s+/);
  const field = (n: number) => Number(f[n - 3]);
  const [pgrp, utime, stime, cutime, cstime, rss] = [field(5), field(14), field(15), field(16), field(17), field(24)];
  if (![pid, pgrp, utime, stime, cutime, cstime, rss].every(Number.isFinite)) return undefined;
  return { pid, pgrp, cpuTicks: utime + stime + cutime + cstime, rssPages: rss };
}

export interface CpuTimes {
  /** Ticks spent doing anything but idling or waiting for I/O, all CPUs together. */
  busy: number;
  total: number;
}

/** The aggregate `cpu` line of `/proc/stat`. */
export function parseCpuTimes(procStat: string): CpuTimes | undefined {
  const line = procStat.split('\n').find((l) => /^cpu\s/.test(l));
  if (!line) return undefined;
  // user nice system idle iowait irq softirq steal (guest time is already in user).
  const v = line.trim().split(/\s+/).slice(1, 9).map(Number);
  if (v.length < 4 || !v.every(Number.isFinite)) return undefined;
  const total = v.reduce((a, b) => a + b, 0);
  const idle = v[3] + (v[4] ?? 0);
  return { busy: total - idle, total };
}

export interface MemInfo {
  totalBytes: number;
  availableBytes: number;
}

/** `/proc/meminfo`: MemTotal and MemAvailable (kB in the file). */
export function parseMemInfo(text: string): MemInfo | undefined {
  const kb = (key: string) => {
    const m = new RegExp(`^${key}:\\s+(\\d+)\\s*kB`, 'm').exec(text);
    return m ? Number(m[1]) * 1024 : undefined;
  };
  const total = kb('MemTotal');
  const available = kb('MemAvailable');
  if (total === undefined || available === undefined) return undefined;
  return { totalBytes: total, availableBytes: available };
}

/** Node memory in use, as the kubelet's working set: total minus what is available. */
export function nodeWorkingSetBytes(m: MemInfo): number {
  return Math.max(0, m.totalBytes - m.availableBytes);
}

/**
 * CPU rate from two readings of a process group's ticks: nanocores over the window.
 * A drop (a process of the group exited unwaited, its time gone with it) counts as 0.
 */
export function groupNanoCores(previousTicks: number, ticks: number, windowSeconds: number, ticksPerSecond: number): number {
  if (windowSeconds <= 0 || ticksPerSecond <= 0) return 0;
  return Math.round((Math.max(0, ticks - previousTicks) / ticksPerSecond / windowSeconds) * 1e9);
}

/** A node's CPU rate from two readings of `/proc/stat`: the busy share of all ticks times the CPUs. */
export function nodeNanoCores(previous: CpuTimes, current: CpuTimes, cpus: number): number {
  const total = current.total - previous.total;
  if (total <= 0) return 0;
  return Math.round((Math.max(0, current.busy - previous.busy) / total) * cpus * 1e9);
}
