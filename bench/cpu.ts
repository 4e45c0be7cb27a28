import { cpus } from 'node:os';
import pidusage from 'pidusage';

/**
 * Where the CPU of one timed run went, per request: Neo4j, the GraphQL server (none for the raw
 * floor), and the load generator (this process: autocannon, or the driver loop of the raw floor).
 * On this two-core machine the three share the cores, so throughput is bounded by their sum; these
 * figures say which process an implementation's time goes to.
 *
 * Process CPU times come from `pidusage` (user + system time of a pid, from /proc on Linux, `ps`
 * elsewhere), this process's from `process.cpuUsage()`, the machine's from `os.cpus()`.
 */
export interface CpuPerRequest {
  /** Milliseconds of CPU per request. */
  neo4jMs: number;
  serverMs: number;
  clientMs: number;
  /** neo4jMs + serverMs + clientMs. */
  totalMs: number;
  /** Cores busy on average during the run (all processes of the machine), out of `cores`. */
  machineBusy: number;
  cores: number;
}

interface Snapshot {
  neo4j: number;
  server: number;
  client: number;
  machineBusy: number;
  at: number;
}

/** CPU milliseconds of the machine's non-idle time so far, over all cores. */
function machineBusyMs(): number {
  let busy = 0;
  for (const c of cpus()) busy += c.times.user + c.times.nice + c.times.sys + c.times.irq;
  return busy;
}

async function ctimeOf(pid: number | undefined): Promise<number> {
  if (pid === undefined) return 0;
  return (await pidusage(pid)).ctime;
}

/** Measures the CPU of Neo4j, one server (optional) and this process over one timed run. */
export class CpuMeter {
  constructor(
    private readonly neo4jPid: number,
    private readonly serverPid?: number,
  ) {}

  async snapshot(): Promise<Snapshot> {
    const [neo4j, server] = await Promise.all([ctimeOf(this.neo4jPid), ctimeOf(this.serverPid)]);
    const u = process.cpuUsage();
    return { neo4j, server, client: (u.user + u.system) / 1000, machineBusy: machineBusyMs(), at: performance.now() };
  }

  /** The CPU between `from` and now, per request; null when no request completed. */
  async since(from: Snapshot, requests: number): Promise<CpuPerRequest | null> {
    const to = await this.snapshot();
    if (requests <= 0) return null;
    const per = (a: number, b: number): number => Math.round(((b - a) / requests) * 100) / 100;
    const neo4jMs = per(from.neo4j, to.neo4j);
    const serverMs = per(from.server, to.server);
    const clientMs = per(from.client, to.client);
    const elapsed = to.at - from.at;
    return {
      neo4jMs,
      serverMs,
      clientMs,
      totalMs: Math.round((neo4jMs + serverMs + clientMs) * 100) / 100,
      machineBusy: elapsed > 0 ? Math.round(((to.machineBusy - from.machineBusy) / elapsed) * 100) / 100 : 0,
      cores: cpus().length,
    };
  }
}

/** Stops pidusage's bookkeeping (it keeps a timer for the pids it has seen). */
export function closeCpuMeters(): void {
  pidusage.clear();
}
