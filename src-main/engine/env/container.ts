/** Reads a small system file; null when it does not exist or cannot be read. Injected in tests. */
export type ReadSystemFile = (path: string) => Promise<string | null>;

export interface ContainerInfo {
  /** 'docker', 'podman', 'kubernetes', 'containerd', 'lxc' or 'container' when only the shape says so. */
  kind: string;
  /** The file (and, where useful, the line) that told us. */
  marker: string;
  /**
   * The default gateway seen from inside (/proc/net/route): on Docker's default bridge the host
   * (e.g. 172.17.0.1), where a proxy on the host can be reached when it listens beyond loopback.
   */
  gateway: string | null;
}

/**
 * Are we inside a container? The markers the container tools themselves leave:
 *  - /.dockerenv: created by Docker in every container (moby daemon/initlayer).
 *  - /run/.containerenv: created by Podman (containers/podman docs, "podman run" → .containerenv).
 *  - /proc/1/cgroup lines naming docker/kubepods/containerd/lxc (cgroup v1; cgroup v2 shows "0::/").
 *  - /proc/self/mountinfo with an overlay root or /docker/containers/… bind mounts (cgroup v2 hosts).
 */
export async function detectContainer(read: ReadSystemFile): Promise<ContainerInfo | null> {
  const gateway = async () => defaultGateway(await read('/proc/net/route'));
  if ((await read('/.dockerenv')) !== null) return { kind: 'docker', marker: '/.dockerenv', gateway: await gateway() };
  if ((await read('/run/.containerenv')) !== null) return { kind: 'podman', marker: '/run/.containerenv', gateway: await gateway() };
  const cgroup = (await read('/proc/1/cgroup')) ?? '';
  const hit = /(kubepods|docker|containerd|libpod|lxc)/.exec(cgroup);
  if (hit) {
    const kind = hit[1] === 'kubepods' ? 'kubernetes' : hit[1] === 'libpod' ? 'podman' : hit[1]!;
    return { kind, marker: `/proc/1/cgroup (${hit[1]})`, gateway: await gateway() };
  }
  const mounts = (await read('/proc/self/mountinfo')) ?? '';
  // The root mount (mount point "/", field 5) on overlayfs is how container runtimes build the root.
  const m = /\/(docker|containerd|kubelet)\/\S*\s/.exec(mounts) ?? /^\S+ \S+ \S+ \S+ \/ .* - overlay /m.exec(mounts);
  if (m) return { kind: m[1] === 'kubelet' ? 'kubernetes' : m[1] === 'docker' || m[1] === 'containerd' ? m[1] : 'container', marker: `/proc/self/mountinfo (${m[1] ?? 'overlay root'})`, gateway: await gateway() };
  return null;
}

/** The default route's gateway from /proc/net/route (little-endian hex), or null. */
export function defaultGateway(route: string | null): string | null {
  if (!route) return null;
  for (const line of route.split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f[1] === '00000000' && f[2] && /^[0-9A-Fa-f]{8}$/.test(f[2]) && f[2] !== '00000000') {
      const n = Number.parseInt(f[2], 16);
      return [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255].join('.');
    }
  }
  return null;
}
