// Electron preload (sandboxed): the only place that talks to ipcRenderer.
import { contextBridge, ipcRenderer } from 'electron';
import { buildDoctorClient } from './bridge.js';

contextBridge.exposeInMainWorld('doctor', buildDoctorClient(ipcRenderer));
