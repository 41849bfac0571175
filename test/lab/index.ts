/**
 * The loopback fault lab: every fault of the network stages, one line each. Everything listens
 * on 127.0.0.1 or ::1 only; the netns helpers stage what loopback cannot (timeouts, unreachable).
 * Other engineers add their own servers next to these (test/lab/http-*.ts).
 */
export { makeRoot, makeIntermediate, makeLeaf, type KeyCert } from './certs.js';
export { makeLabPki, startTlsServer, LAB_NAMES, type LabPki, type TlsFault } from './tls-servers.js';
export { startDnsServer, type DnsBehaviour, type LabDns } from './dns-server.js';
export { startConnectProxy, type LabProxy, type ProxyMode } from './proxy-server.js';
export { listen, hostPort, startFullBacklogServer, startSilentServer, startResetServer, startAlertServer, startPlainHttpServer, closedPort, type LabServer } from './net-servers.js';
export { diagnoseJson, stageOf, codesOf, type DiagnoseRun } from './diagnose.js';
export { netnsUnavailable, createNetns, diagnoseInNetns, httpServerInNetns, labCliBundle, type Netns, type NetnsSetup } from './netns.js';
