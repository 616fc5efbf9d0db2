/**
 * A Welsh widget before its catalogues arrive. The Welsh strings are a chunk of their own
 * (`src/welsh.ts`), loaded on demand; until they are here, a widget whose language is Welsh shows
 * only its loading state, in Welsh, never English words. Should they fail to load (offline, a
 * missing file), it says so in Welsh; the next change of language tries again.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { loadWelsh, welshLoaded, type Lang } from './messages.js';

/** The two sentences the first script needs in Welsh (the same as the Welsh catalogue's). */
const WELSH = { loading: 'Wrthi’n llwytho’r ffigurau…', failed: 'Nid oedd modd dangos y ffigurau hyn' };

export type WelshState = 'ready' | 'loading' | 'error';

export class WelshGate {
  private waiting = false;
  private failed = false;

  constructor(private readonly host: ReactiveControllerHost) {}

  /** Whether a widget in `lang` can render now; starts loading the Welsh (once) and renders again when it arrives. */
  state(lang: Lang): WelshState {
    if (lang !== 'cy' || welshLoaded()) {
      this.failed = false;
      return 'ready';
    }
    if (this.failed) return 'error';
    if (!this.waiting) {
      this.waiting = true;
      loadWelsh()
        .catch((error: unknown) => {
          console.error('partnership-widgets: the Welsh catalogues could not be loaded', error);
          this.failed = true;
        })
        .finally(() => {
          this.waiting = false;
          this.host.requestUpdate();
        });
    }
    return 'loading';
  }
}

/** What a Welsh widget shows while its catalogues are on their way, or if they could not be loaded. */
export function welshPendingTemplate(state: Exclude<WelshState, 'ready'>): TemplateResult {
  return html`<section class="widget" part="base" aria-busy=${state === 'loading'} data-state=${state} lang="cy">
    <div class="status" role="status" part="status">${state === 'loading' ? WELSH.loading : ''}</div>
    ${
      state === 'error'
        ? html`<div class="error" role="alert" part="error"><p class="error-title">${WELSH.failed}</p></div>`
        : nothing
    }
  </section>`;
}
