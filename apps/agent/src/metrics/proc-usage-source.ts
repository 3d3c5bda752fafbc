import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import {
  groupNanoCores,
  nodeNanoCores,
  nodeWorkingSetBytes,
  parseCpuTimes,
  parseMemInfo,
  parseProcessStat,
  type CpuTimes,
  type PodUsage,
} from '@skiff/domain';
import type { RuntimeDriver } from '../runtime/runtime';
import type { UsageSample, UsageSource } from './usage-source';

export interface HostInfo {
  ticksPerSecond: number;
  pageSize: number;
  cpus: number;
}

function getconf(name: string, fallback: number): number {
  try {
    const v = Number(execFileSync('getconf', [name], { encoding: 'utf8' }).trim());
    return v > 0 ? v : fallback;
  } catch {
    return fallback;
  }
}

export function hostInfo(): HostInfo {
  return { ticksPerSecond: getconf('CLK_TCK', 100), pageSize: getconf('PAGESIZE', 4096), cpus: os.cpus().length };
}

interface GroupUsage {
  cpuTicks: number;
  rssPages: number;
}

/**
 * CPU ticks and resident pages of every process in the given process groups, from
 * /proc/<pid>/stat. A container's processes keep its main process's group (each is
 * started as a group leader), so this finds what it forked too.
 */
function readProcessGroups(groups: Set<number>): Map<number, GroupUsage> {
  const out = new Map<number, GroupUsage>();
  if (!groups.size) return out;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let text: string;
    try {
      text = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // gone since the directory was read
    }
    const s = parseProcessStat(text);
    if (!s || !groups.has(s.pgrp)) continue;
    const g = out.get(s.pgrp) ?? { cpuTicks: 0, rssPages: 0 };
    g.cpuTicks += s.cpuTicks;
    g.rssPages += s.rssPages;
    out.set(s.pgrp, g);
  }
  return out;
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/**
 * Measured usage for the process runtime: per container, the CPU of its process group as
 * the change in ticks since the previous sample, and the resident memory of its processes
 * (RSS, pages shared between them counted for each); for the node, the busy share of
 * /proc/stat and MemTotal − MemAvailable. No cgroups: a process that leaves its group
 * (setsid) is not counted.
 */
export class ProcUsageSource implements UsageSource {
  private previous?: { atMs: number; cpu: CpuTimes; ticks: Map<string, number> };

  constructor(
    private readonly runtime: RuntimeDriver,
    private readonly host: HostInfo = hostInfo(),
  ) {}

  sample(nodes: readonly string[], nowMs: number): UsageSample | undefined {
    const containers = (this.runtime.runningContainers?.() ?? []).filter((c) => c.pid !== undefined);
    const groups = readProcessGroups(new Set(containers.map((c) => c.pid!)));
    const cpu = parseCpuTimes(readText('/proc/stat'));
    const mem = parseMemInfo(readText('/proc/meminfo'));
    if (!cpu || !mem) return undefined;
    const before = this.previous;
    const ticks = new Map<string, number>();
    this.previous = { atMs: nowMs, cpu, ticks };
    const windowSeconds = before ? (nowMs - before.atMs) / 1000 : 0;

    const pods = new Map<string, PodUsage & { node: string }>();
    for (const c of containers) {
      const g = groups.get(c.pid!);
      if (!g) continue;
      // A restarted container has a new pid: its rate starts over.
      const key = `${c.uid}/${c.container}/${c.pid}`;
      ticks.set(key, g.cpuTicks);
      const was = before?.ticks.get(key);
      if (was === undefined || windowSeconds <= 0) continue;
      let pod = pods.get(c.uid);
      if (!pod) pods.set(c.uid, (pod = { node: c.node, namespace: c.namespace, name: c.pod, uid: c.uid, containers: [] }));
      pod.containers.push({
        name: c.container,
        usageNanoCores: groupNanoCores(was, g.cpuTicks, windowSeconds, this.host.ticksPerSecond),
        workingSetBytes: g.rssPages * this.host.pageSize,
      });
    }
    if (!before || windowSeconds <= 0) return undefined;
    const usageNanoCores = nodeNanoCores(before.cpu, cpu, this.host.cpus);
    const workingSetBytes = nodeWorkingSetBytes(mem);
    // The host is the node: the process runtime plays one.
    return {
      windowSeconds,
      nodes: nodes.map((name) => ({
        name,
        usageNanoCores,
        workingSetBytes,
        pods: [...pods.values()].filter((p) => p.node === name).map(({ node: _node, ...p }) => p),
      })),
    };
  }
}
