import { mount } from 'svelte';
import App from './App.svelte';
import { i18n } from './lib/i18n/index.svelte.js';
import { ensureTexts } from './lib/texts.js';
import './styles.css';

const target = document.getElementById('app');
if (!target) throw new Error('#app missing from index.html');
// Each language's texts are their own chunk (lib/texts.ts): load the start language's, then mount,
// so the first screen already has its words. If that chunk cannot load, English is the fallback.
await ensureTexts(i18n.lang).catch(() => ensureTexts('en'));
mount(App, { target });
