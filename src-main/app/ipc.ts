import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { DOCTOR_METHODS, channelOf, eventChannelOf } from '../common/ipc-contract.js';
import { err } from '../common/result.js';
import type { CallContext, HandlerTable } from './handlers.js';
import { isAppPage } from './security.js';

/**
 * Only our own window's top frame, showing our own page, may call main. A frame that navigated
 * elsewhere, an iframe, or another window is refused.
 */
export type SenderCheck = (event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>) => boolean;

export function trustedSenderCheck(getWindowContents: () => WebContents | null, appUrl: string): SenderCheck {
  return (event) => {
    const contents = getWindowContents();
    const frame = event.senderFrame;
    if (!contents || !frame) return false;
    if (event.sender !== contents) return false;
    if (frame !== contents.mainFrame) return false;
    return typeof frame.url === 'string' && isAppPage(frame.url, appUrl);
  };
}

/** Registers one ipcMain handler per contract method. Handlers never throw across IPC. */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, table: HandlerTable, isTrusted: SenderCheck): () => void {
  for (const method of DOCTOR_METHODS) {
    const handler = table[method] as (ctx: CallContext, ...args: unknown[]) => Promise<unknown>;
    ipcMain.handle(channelOf(method), async (event, ...args: unknown[]) => {
      if (!isTrusted(event)) return err('forbidden', `refused ${method}: the caller is not API Doctor's own window`);
      const ctx: CallContext = {
        emit: (name, payload) => {
          if (!event.sender.isDestroyed()) event.sender.send(eventChannelOf(name), payload);
        },
      };
      try {
        return await handler(ctx, ...args);
      } catch (e) {
        // A handler bug must not become a rejected promise with a stack in the renderer.
        return err('internal', e instanceof Error ? e.message : String(e));
      }
    });
  }
  return () => {
    for (const method of DOCTOR_METHODS) ipcMain.removeHandler(channelOf(method));
  };
}
