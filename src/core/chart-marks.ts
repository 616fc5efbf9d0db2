/**
 * The chart side of keyboard navigation, in the chart code loaded on demand
 * (`src/charts.ts`): where a key moves the mark in hand, and the highlight on
 * the mark drawn. `ChartKeyboard` (`chart-keyboard.ts`, in the first script)
 * holds the mark in hand and says it.
 */

/** Where a key moves the focus among `count` marks: an index, `leave`, or undefined for a key that is not ours. */
export function moveIndex(
  current: number | undefined,
  key: string,
  count: number,
  columns?: number,
): number | 'leave' | undefined {
  if (key === 'Escape' || key === 'Esc') return 'leave';
  if (count <= 0) return undefined;
  if (columns && columns > 0 && columns < count) return moveInGrid(current, key, count, columns);
  switch (key) {
    case 'ArrowDown':
    case 'ArrowRight':
      return current === undefined ? 0 : Math.min(count - 1, current + 1);
    case 'ArrowUp':
    case 'ArrowLeft':
      return current === undefined ? count - 1 : Math.max(0, current - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}

/**
 * Marks laid out as rows of `columns` (panels of years, say): Left and Right
 * move along a row, Up and Down between rows at the same column, Home and End
 * to the row's first and last mark.
 */
function moveInGrid(current: number | undefined, key: string, count: number, columns: number): number | undefined {
  if (current === undefined) {
    return ['ArrowDown', 'ArrowRight', 'Home'].includes(key)
      ? 0
      : ['ArrowUp', 'ArrowLeft', 'End'].includes(key)
        ? count - 1
        : undefined;
  }
  const rowStart = current - (current % columns);
  const rowEnd = Math.min(count - 1, rowStart + columns - 1);
  switch (key) {
    case 'ArrowRight':
      return Math.min(rowEnd, current + 1);
    case 'ArrowLeft':
      return Math.max(rowStart, current - 1);
    case 'ArrowDown':
      return current + columns < count ? current + columns : current;
    case 'ArrowUp':
      return current - columns >= 0 ? current - columns : current;
    case 'Home':
      return rowStart;
    case 'End':
      return rowEnd;
    default:
      return undefined;
  }
}

export const FOCUSED_CLASS = 'pw-focused';
export const FOCUS_RING_CLASS = 'pw-focus-rings';

/**
 * Highlights the mark with this label in an SVG chart (and the ring drawn
 * behind it, the ring mark's `ringIndex`-th element), un-highlighting any
 * other. Pass `undefined` to clear.
 */
export function highlightMark(svg: Element | null | undefined, label?: string, ringIndex?: number): void {
  if (!svg) return;
  svg.querySelectorAll(`.${FOCUSED_CLASS}`).forEach((el) => el.classList.remove(FOCUSED_CLASS));
  if (label === undefined) return;
  svg.querySelectorAll('[aria-label]').forEach((el) => {
    if (el.getAttribute('aria-label') === label && el.parentElement?.getAttribute('aria-label') !== label) {
      el.classList.add(FOCUSED_CLASS);
    }
  });
  if (ringIndex !== undefined) {
    svg.querySelectorAll(`g.${FOCUS_RING_CLASS} > *`)[ringIndex]?.classList.add(FOCUSED_CLASS);
  }
}
