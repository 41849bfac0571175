import { startDnsServer, type DnsBehaviour } from './dns-server.js';

/** The lab DNS as a process (for a network namespace): zone JSON in argv[2]; prints "port" once listening. */
const zone = JSON.parse(process.argv[2] ?? '{}') as Record<string, DnsBehaviour>;
void startDnsServer(zone).then((dns) => process.stdout.write(`${dns.port}\n`));
