import net from 'node:net';
import { FAKE_IP_CIDR, POISON_RANGES, PROVIDER_HOSTS, type PoisonRange, type ProviderHost } from './known-networks.js';

const blockOf = (cidrs: string[]): net.BlockList => {
  const list = new net.BlockList();
  for (const c of cidrs) {
    const [base, bits] = c.split('/');
    list.addSubnet(base!, Number(bits), net.isIPv6(base!) ? 'ipv6' : 'ipv4');
  }
  return list;
};

const check = (list: net.BlockList, address: string): boolean => {
  const fam = net.isIP(address);
  return fam !== 0 && list.check(address, fam === 6 ? 'ipv6' : 'ipv4');
};

const fakeIp = blockOf([FAKE_IP_CIDR]);
/** An address in 198.18.0.0/15: a fake-ip proxy tool answered, not DNS. */
export const isFakeIp = (address: string): boolean => check(fakeIp, address);

const poison = POISON_RANGES.map((r) => ({ range: r, list: blockOf([r.cidr]) }));
/** The known-poison range this address falls in, or null. */
export const poisonRangeOf = (address: string): PoisonRange | null => poison.find((p) => check(p.list, address))?.range ?? null;

/** The well-known API host entry for a name, or null. */
export function providerFor(host: string): ProviderHost | null {
  const h = host.toLowerCase().replace(/\.$/, '');
  return PROVIDER_HOSTS.find((p) => p.hosts.some((x) => h === x || (p.suffix === true && h.endsWith(`.${x}`)))) ?? null;
}

const own = new Map<ProviderHost, net.BlockList>();
/** Whether the address lies in the provider's published networks (null: none published). */
export function inProviderNetworks(p: ProviderHost, address: string): boolean | null {
  if (!p.networks) return null;
  let list = own.get(p);
  if (!list) own.set(p, (list = blockOf(p.networks.cidrs)));
  return check(list, address);
}

const special = blockOf(['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '169.254.0.0/16', '127.0.0.0/8', '0.0.0.0/8', 'fc00::/7', 'fe80::/10', '::1/128']);
/** Private, CGNAT, link-local and loopback: a company's split DNS or a local gateway, never "poison" by itself. */
export const isSpecialUse = (address: string): boolean => check(special, address);
