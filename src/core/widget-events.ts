/**
 * The events a widget sends: `widget-error` once per error, and `widget-ready` once per model
 * shown (not for a stale refresh, whose figures were announced already).
 */
import type { WidgetError } from './contract.js';
import { messages } from './messages.js';
import type { ErrorDetail, ReadyDetail, WidgetState } from './widget-parts.js';

/** Sends each outcome once: an error, or a model shown (`shown`, compared by identity). */
export class OutcomeEvents {
  private announced?: unknown;

  constructor(private readonly host: HTMLElement) {}

  send(state: WidgetState, error: WidgetError | undefined, shown: object | undefined, ready: () => ReadyDetail): void {
    if (state === 'loading') return;
    if (error) {
      if (this.announced !== error) {
        this.announced = error;
        const lines = error.describe(messages('en'), 50);
        const detail = { kind: error.kind, message: lines[0] ?? '', messages: lines };
        this.host.dispatchEvent(
          new CustomEvent<ErrorDetail>('widget-error', { bubbles: true, composed: true, detail }),
        );
      }
      if (state === 'error') return;
    }
    if (shown && this.announced !== shown && state !== 'stale') {
      this.announced = shown;
      this.host.dispatchEvent(
        new CustomEvent<ReadyDetail>('widget-ready', { bubbles: true, composed: true, detail: ready() }),
      );
    }
  }
}
