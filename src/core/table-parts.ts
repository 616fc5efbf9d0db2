/**
 * Parts the widgets' tables share: the scrolling region with its captioned table, and the
 * footnote markers that link a row to its numbered definition in the footer.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Messages } from './messages.js';

/**
 * The widget's table (`part="table"`), captioned `caption` for screen readers, in a region that
 * scrolls sideways when the table is wider than the widget. `content` is the table's sections
 * (`thead`, `tbody`, `tfoot`); `years`, the years an annual table shows (the region's `data-years`).
 */
export function scrollingTable(caption: string, content: TemplateResult, m: Messages, years?: string): TemplateResult {
  return html`<div
    class="scroll"
    tabindex="0"
    role="region"
    aria-label=${m.scrollRegion(caption)}
    data-years=${years ?? nothing}
  >
    <table class="data-table" part="table">
      <caption class="visually-hidden">
        ${caption}
      </caption>
      ${content}
    </table>
  </div>`;
}

/**
 * The marker of definition `n` (from the widget's `uid`), a link to it in the footer: following it
 * moves focus to the definition, in `root` (the widget's shadow root).
 */
export function definitionLink(root: ParentNode, uid: string, n: number, m: Messages): TemplateResult {
  const jump = (event: Event) => {
    event.preventDefault();
    const target = root.querySelector<HTMLElement>(`#${uid}-def-${n}`);
    if (target) {
      target.tabIndex = -1;
      target.focus();
    }
  };
  return html`<a class="fn" href="#${uid}-def-${n}" aria-label=${m.definitionRef(n)} @click=${jump}>${n}</a>`;
}
