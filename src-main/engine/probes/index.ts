import type { Probe } from '../probe.js';

/** Every probe of the engine, one file each; adding a probe is one file and one line here. */
export const PROBES: readonly Probe[] = [];
