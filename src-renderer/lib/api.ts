import type { DoctorClient } from '../../src-main/common/ipc-contract.js';

declare global {
  interface Window {
    doctor?: DoctorClient;
  }
}

/** The bridge the preload exposed; missing only when the page is opened outside the app. */
export function doctor(): DoctorClient {
  if (!window.doctor) throw new Error('API Doctor bridge is missing: open this page inside the app');
  return window.doctor;
}
