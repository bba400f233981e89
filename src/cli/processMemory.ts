/**
 * Another process's memory as Linux reports it in /proc/PID/status: VmRSS (resident now)
 * and VmHWM (the peak resident size since it started, kept by the kernel, so a spike
 * between two polls is not missed). For bench:abuse, which watches the server it spawned.
 */
import { readFileSync } from 'node:fs';

export interface MemoryReading {
  rssMb: number;
  /** The process's peak RSS so far. */
  hwmMb: number;
}

/** The process's memory now, or null when it has gone (or this is not Linux). */
export function readMemory(pid: number): MemoryReading | null {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return null;
  }
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  const rssMb = kb('VmRSS') / 1024;
  const hwmMb = kb('VmHWM') / 1024;
  return Number.isNaN(rssMb) ? null : { rssMb, hwmMb };
}

/** Polls a process's memory until stopped; `last` is the latest reading taken while it was alive. */
export function watchMemory(pid: number, everyMs = 200): { last: () => MemoryReading | null; stop: () => void } {
  let last = readMemory(pid);
  const timer = setInterval(() => {
    last = readMemory(pid) ?? last;
  }, everyMs);
  timer.unref();
  return { last: () => last, stop: () => clearInterval(timer) };
}
