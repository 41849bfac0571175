/** Node features the matrix depends on, with the release lines they were backported to. */

const parse = (v: string): [number, number] => {
  const [a, b] = v.replace(/^v/, '').split('.').map((x) => Number(x) || 0);
  return [a ?? 0, b ?? 0];
};

/** True when `version` is at or above any of the given [major, minor] (one per release line). */
export function nodeAtLeast(version: string, since: readonly (readonly [number, number])[]): boolean {
  const [maj, min] = parse(version);
  const newest = Math.max(...since.map(([m]) => m));
  if (maj > newest) return true;
  return since.some(([m, n]) => maj === m && min >= n);
}

/** NODE_USE_ENV_PROXY=1: added v24.0.0 and v22.21.0 (https://nodejs.org/api/cli.html#node_use_env_proxy1). */
export const ENV_PROXY_SINCE = [[24, 0], [22, 21]] as const;
/** --use-system-ca: added v23.8.0 and v22.15.0 (https://nodejs.org/api/cli.html#--use-system-ca). */
export const SYSTEM_CA_FLAG_SINCE = [[23, 8], [22, 15]] as const;
/** NODE_USE_SYSTEM_CA=1: added v24.6.0 and v22.19.0 (https://nodejs.org/api/cli.html#node_use_system_ca1). */
export const SYSTEM_CA_ENV_SINCE = [[24, 6], [22, 19]] as const;

export const nodeMajorOf = (version: string): number => parse(version)[0];
