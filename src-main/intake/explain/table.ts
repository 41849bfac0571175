import type { KnowledgeRow } from './knowledge-row.js';
import { PYTHON_ROWS } from './rows-python.js';
import { NODE_ROWS } from './rows-node.js';
import { JVM_GO_ROWS } from './rows-jvm-go.js';
import { CURL_ROWS, WINDOWS_SOCKET_ROWS } from './rows-curl-os.js';
import { HTTP_STATUS_ROWS } from './rows-http.js';

export type { Confirm, KnowledgeRow } from './knowledge-row.js';

/**
 * The knowledge table of `api-doctor explain`: what an error text people paste means in the
 * contract's codes. Every row quotes a real error text (`example`) from the public report it
 * came from (`source`); test/unit/intake/explain-table.test.ts checks each row matches its own
 * example and yields its codes. Confidence is how often this text has this cause among the
 * reports read, not a measurement: generic texts (`Connection error.`, `fetch failed`) stay low
 * so a more specific line of the same traceback outranks them.
 *
 * The rows live by ecosystem in rows-*.ts (one row's shape in knowledge-row.ts); this order is
 * the order they are tried in.
 */

/** Rows that only say "something failed below": they count only when no specific row explains the text. */
export const GENERIC_ROWS: ReadonlySet<string> = new Set(['py-openai-connection-error', 'py-max-retries-generic', 'node-fetch-failed']);

export const KNOWLEDGE: readonly KnowledgeRow[] = [...PYTHON_ROWS, ...WINDOWS_SOCKET_ROWS, ...NODE_ROWS, ...JVM_GO_ROWS, ...CURL_ROWS, ...HTTP_STATUS_ROWS];
