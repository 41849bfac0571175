import { round1 } from '../common/round.js';

/** Milliseconds since `t0` (a performance.now() reading), to 0.1 ms: the precision every phase timing reports. */
export const elapsedMs = (t0: number): number => round1(performance.now() - t0);
