import { describe, expect, it } from 'vitest';
import { createHandlerTable } from '../../../src-main/app/handler-table.js';
import { registerIpc, trustedSenderCheck } from '../../../src-main/app/ipc.js';
import { channelOf } from '../../../src-main/common/ipc-contract.js';
import { APP_VERSION } from '../../../src-main/common/version.js';
import type { WebContents } from 'electron';

const table = () => createHandlerTable({ versions: { node: '20.0.0', electron: '45.0.0', chrome: '140.0' }, platform: 'linux' });
const ctx = { emit() {} };

describe('IPC handler table, without Electron', () => {
  it('version() reports the app, Electron and Node versions', async () => {
    const r = await table().version(ctx);
    expect(r).toEqual({ ok: true, value: { app: APP_VERSION, electron: '45.0.0', chrome: '140.0', node: '20.0.0', platform: 'linux' } });
  });

  it('ping() answers pong', async () => {
    expect(await table().ping(ctx)).toEqual({ ok: true, value: 'pong' });
  });
});

describe('registerIpc', () => {
  const appUrl = 'file:///opt/api-doctor/dist/renderer/index.html';
  function setup() {
    const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
    const mainFrame = { url: appUrl };
    const contents = { mainFrame, isDestroyed: () => false, send: () => {} } as unknown as WebContents;
    registerIpc(
      { handle: (c: string, fn: never) => void handlers.set(c, fn), removeHandler: (c: string) => void handlers.delete(c) } as never,
      table(),
      trustedSenderCheck(() => contents, appUrl),
    );
    return { handlers, contents, mainFrame };
  }

  it('answers our own window', async () => {
    const { handlers, contents, mainFrame } = setup();
    const r = await handlers.get(channelOf('ping'))!({ sender: contents, senderFrame: mainFrame });
    expect(r).toEqual({ ok: true, value: 'pong' });
  });

  it('refuses another window, a subframe, and a frame that navigated away', async () => {
    const { handlers, contents, mainFrame } = setup();
    const ping = handlers.get(channelOf('ping'))!;
    const otherContents = { mainFrame: { url: appUrl }, isDestroyed: () => false, send: () => {} };
    const refusals = [
      await ping({ sender: otherContents, senderFrame: otherContents.mainFrame }),
      await ping({ sender: contents, senderFrame: { url: appUrl } }),
      await ping({ sender: contents, senderFrame: null }),
    ];
    mainFrame.url = 'https://evil.example/';
    refusals.push(await ping({ sender: contents, senderFrame: mainFrame }));
    for (const r of refusals) expect(r).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });

  it('turns a throwing handler into an error result instead of a rejection', async () => {
    const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
    const t = table();
    t.ping = async () => {
      throw new Error('boom');
    };
    registerIpc({ handle: (c: string, fn: never) => void handlers.set(c, fn), removeHandler: () => {} } as never, t, () => true);
    expect(await handlers.get(channelOf('ping'))!({ sender: {}, senderFrame: {} })).toEqual({ ok: false, error: { kind: 'internal', message: 'boom' } });
  });
});
