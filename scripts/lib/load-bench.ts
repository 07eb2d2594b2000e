// The load part of `pnpm bench`: autocannon on loopback against the running portal's gateway, with
// the simulated agency healthy, slow past the gateway's timeout and down, then a telemetry flood.
// Reports requests/s, latency percentiles, errors, what the gateway logged and its resident memory.
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import type { Supervisor } from './processes.ts';
import type { Topology } from './topology.ts';

export interface LoadScenario {
  name: string;
  /** What the agency does during the run. */
  fault: { mode: 'ok' | 'slow' | 'down'; delayMs?: number };
  path: string;
  method?: 'GET' | 'POST';
  body?: string;
}

export interface LoadResult {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Connection errors and timeouts (autocannon's `errors`). */
  errors: number;
  statuses: Record<string, number>;
  logLines: number;
  logBytes: number;
  /** Highest resident set size of the gateway sampled during the run, in MiB. */
  peakRssMiB: number;
}

/** The gateway's resident memory under the load run must stay below this (issue 11). */
export const RSS_TARGET_MIB = 256;

/** Resident set size (VmRSS) and its high-water mark (VmHWM) of a Linux process, in MiB. */
export function memoryOf(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { rss: kib('VmRSS') / 1024, hwm: kib('VmHWM') / 1024 };
}

export async function setFault(agency: string, fault: LoadScenario['fault']): Promise<void> {
  const response = await fetch(`${agency}/__control/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fault),
  });
  if (!response.ok) throw new Error(`the agency refused the fault ${JSON.stringify(fault)}`);
}

/** A telemetry report as the shell sends one: a Spanish error message near the size limit. */
export const TELEMETRY_REPORT = JSON.stringify({
  type: 'error',
  message: `Error: la notificación no se pudo cargar (${'información adicional '.repeat(40)})`.slice(0, 1000),
  context: { mfe: 'notifications', phase: 'load', reference: 'ABC123' },
  source: 'shell',
  path: '/notifications',
});

export function defaultScenarios(agencyTimeoutMs: number): LoadScenario[] {
  return [
    { name: 'agency healthy', fault: { mode: 'ok' }, path: '/api/notifications' },
    {
      name: 'agency slow',
      fault: { mode: 'slow', delayMs: agencyTimeoutMs + 6_000 },
      path: '/api/notifications',
    },
    { name: 'agency down', fault: { mode: 'down' }, path: '/api/notifications' },
    // The session read every page load starts with: one database query, no agency.
    { name: '/api/session', fault: { mode: 'ok' }, path: '/api/session' },
    {
      name: 'telemetry flood',
      fault: { mode: 'ok' },
      path: '/api/telemetry',
      method: 'POST',
      body: TELEMETRY_REPORT,
    },
  ];
}

export async function runLoadBench(options: {
  topo: Topology;
  supervisor: Supervisor;
  gatewayName: string;
  scenarios: LoadScenario[];
  connections: number;
  seconds: number;
  /** `Cookie` header of a signed-in session: the private routes answer 401 without one. */
  cookie: string;
}): Promise<LoadResult[]> {
  const { topo, supervisor, gatewayName } = options;
  const pid = supervisor.pid(gatewayName);
  if (pid === undefined) throw new Error(`${gatewayName} is not running`);
  const agency = `http://127.0.0.1:${topo.agencyPort}`;
  const results: LoadResult[] = [];
  const idle = memoryOf(pid);
  console.log(
    `gateway before the load: ${idle.rss.toFixed(0)} MiB resident, ${idle.hwm.toFixed(0)} MiB at most since it started`,
  );
  for (const scenario of options.scenarios) {
    await setFault(agency, scenario.fault);
    const before = supervisor.output(gatewayName);
    let peak = memoryOf(pid).rss;
    const sampler = setInterval(() => {
      peak = Math.max(peak, memoryOf(pid).rss);
    }, 200);
    const result = await autocannon({
      url: `${topo.portal}${scenario.path}`,
      method: scenario.method ?? 'GET',
      connections: options.connections,
      duration: options.seconds,
      headers: {
        cookie: options.cookie,
        ...(scenario.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(scenario.body === undefined ? {} : { body: scenario.body }),
    });
    clearInterval(sampler);
    peak = Math.max(peak, memoryOf(pid).rss);
    // Let the gateway's last log lines arrive before counting them.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const after = supervisor.output(gatewayName);
    const statuses: Record<string, number> = {};
    for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) {
      statuses[code] = Number((stat as { count: number | string }).count);
    }
    results.push({
      name: scenario.name,
      requestsPerSecond: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors,
      statuses,
      logLines: after.lines - before.lines,
      logBytes: after.bytes - before.bytes,
      peakRssMiB: peak,
    });
  }
  await setFault(agency, { mode: 'ok' });
  return results;
}

export function printLoadResults(results: LoadResult[], pid: number, connections: number, seconds: number) {
  console.log(
    `\nLoad on the gateway (autocannon, ${connections} connections, ${seconds} s each, loopback):\n`,
  );
  console.log(
    `${'scenario'.padEnd(18)}${'req/s'.padStart(9)}${'p50 ms'.padStart(8)}${'p99 ms'.padStart(8)}${'errors'.padStart(8)}  ${'statuses'.padEnd(22)}${'log lines'.padStart(10)}${'log MB'.padStart(8)}${'peak RSS MiB'.padStart(14)}`,
  );
  for (const row of results) {
    const statuses = Object.entries(row.statuses)
      .map(([code, count]) => `${code}×${count}`)
      .join(' ');
    console.log(
      `${row.name.padEnd(18)}${row.requestsPerSecond.toFixed(0).padStart(9)}${String(row.p50).padStart(8)}${String(row.p99).padStart(8)}${String(row.errors).padStart(8)}  ${statuses.padEnd(22)}${String(row.logLines).padStart(10)}${(row.logBytes / 1e6).toFixed(1).padStart(8)}${row.peakRssMiB.toFixed(0).padStart(14)}`,
    );
  }
  const memory = memoryOf(pid);
  const loadPeak = Math.max(...results.map((row) => row.peakRssMiB));
  console.log(
    `\ngateway resident memory: peak ${memory.hwm.toFixed(0)} MiB (VmHWM, start included), now ${memory.rss.toFixed(0)} MiB; under load at most ${loadPeak.toFixed(0)} MiB: ${loadPeak < RSS_TARGET_MIB ? 'within' : 'OVER'} the ${RSS_TARGET_MIB} MiB target`,
  );
}

// ---------------------------------------------------------------------------------------------
// The home aggregation: every folder source's /api/home/sources/:source, each agency answering
// after 50 ms, then with one agency hanging past its timeout (the circuit breaker then answers for
// it at once). Figures only: nothing here asserts a timing.

export interface HomeBenchOptions {
  portal: string;
  cookie: string;
  /** The simulated agencies whose faults the run drives (the folder's, not the REA). */
  agencies: { id: string; url: string }[];
  /** The agency made to hang in the second run. */
  hanging: string;
  /** The gateway's per-agency timeout (AGENCY_TIMEOUT_MS). */
  timeoutMs: number;
  connections: number;
  seconds: number;
}

export interface HomeBenchResult {
  name: string;
  paths: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  statuses: Record<string, number>;
  /** How the sources answered inside the 200s: "ok", "timeout", "unavailable"... */
  sourceStatuses: Record<string, number>;
}

async function homeSources(portal: string, cookie: string): Promise<string[]> {
  const response = await fetch(`${portal}/api/home/sources`, { headers: { cookie } });
  if (!response.ok) throw new Error(`GET /api/home/sources answered ${response.status}`);
  const body = (await response.json()) as { items: { source: string }[] };
  return body.items.map((item) => item.source);
}

async function trySetFault(agency: { id: string; url: string }, fault: LoadScenario['fault']) {
  try {
    await setFault(agency.url, fault);
  } catch {
    console.log(`(agency ${agency.id} has no fault control: left as it is)`);
  }
}

async function homeRun(name: string, options: HomeBenchOptions, sources: string[]): Promise<HomeBenchResult> {
  const sourceStatuses: Record<string, number> = {};
  const requests = sources.map((source) => ({
    method: 'GET' as const,
    path: `/api/home/sources/${encodeURIComponent(source)}`,
    onResponse: (status: number, body: string) => {
      if (status !== 200) return;
      try {
        const answer = JSON.parse(body) as { source?: { status?: string } };
        const key = answer.source?.status ?? 'unknown';
        sourceStatuses[key] = (sourceStatuses[key] ?? 0) + 1;
      } catch {
        sourceStatuses.unparsable = (sourceStatuses.unparsable ?? 0) + 1;
      }
    },
  }));
  const result = await autocannon({
    url: options.portal,
    connections: options.connections,
    duration: options.seconds,
    headers: { cookie: options.cookie },
    requests,
  });
  const statuses: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) {
    statuses[code] = Number((stat as { count: number | string }).count);
  }
  return {
    name,
    paths: sources.length,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors,
    statuses,
    sourceStatuses,
  };
}

export async function runHomeBench(options: HomeBenchOptions): Promise<HomeBenchResult[]> {
  const sources = await homeSources(options.portal, options.cookie);
  const slow = { mode: 'slow' as const, delayMs: 50 };
  for (const agency of options.agencies) await trySetFault(agency, slow);
  const results = [await homeRun('every agency 50 ms', options, sources)];

  const hanging = options.agencies.find((agency) => agency.id === options.hanging);
  if (hanging) {
    await trySetFault(hanging, { mode: 'slow', delayMs: options.timeoutMs + 6_000 });
    results.push(await homeRun(`${hanging.id} hanging`, options, sources));
    // Which sources the hanging agency serves: those that do not answer ok now.
    const failing: string[] = [];
    for (const source of sources) {
      const response = await fetch(`${options.portal}/api/home/sources/${encodeURIComponent(source)}`, {
        headers: { cookie: options.cookie },
      });
      const answer = (await response.json()) as { source?: { status?: string } };
      if (answer.source?.status !== 'ok') failing.push(source);
    }
    if (failing.length > 0) {
      results.push(await homeRun(`only ${failing.join(',')} (breaker open)`, options, failing));
    }
  }
  for (const agency of options.agencies) await trySetFault(agency, { mode: 'ok' });
  return results;
}

export function printHomeResults(results: HomeBenchResult[], options: HomeBenchOptions) {
  console.log(
    `\nHome aggregation, GET /api/home/sources/:source for every source in turn (autocannon, ${options.connections} connections, ${options.seconds} s each, loopback, per-citizen cache off, agency timeout ${options.timeoutMs} ms):\n`,
  );
  console.log(
    `${'run'.padEnd(34)}${'paths'.padStart(6)}${'req/s'.padStart(9)}${'p50 ms'.padStart(8)}${'p99 ms'.padStart(8)}${'max ms'.padStart(8)}${'errors'.padStart(8)}  ${'HTTP'.padEnd(12)}sources answered`,
  );
  for (const row of results) {
    const statuses = Object.entries(row.statuses)
      .map(([code, count]) => `${code}×${count}`)
      .join(' ');
    const sources = Object.entries(row.sourceStatuses)
      .map(([status, count]) => `${status}×${count}`)
      .join(' ');
    console.log(
      `${row.name.padEnd(34)}${String(row.paths).padStart(6)}${row.requestsPerSecond.toFixed(0).padStart(9)}${String(row.p50).padStart(8)}${String(row.p99).padStart(8)}${String(row.max).padStart(8)}${String(row.errors).padStart(8)}  ${statuses.padEnd(12)}${sources}`,
    );
  }
  console.log(
    '\nWith the breaker open, the hanging agency\'s answers ("unavailable") come at once; only the first calls and one probe per half-open delay wait for the timeout (they are the max column).',
  );
}
