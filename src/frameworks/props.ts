/**
 * The attributes and properties of each element as framework templates set
 * them, for the React (`partnership-widgets/react-jsx`) and Vue
 * (`partnership-widgets/vue`) typings. Attributes take strings (or numbers,
 * which the frameworks turn into strings); properties take their own types.
 */
import type { ErrorDetail, ReadyDetail } from '../core/widget.js';

export type { ErrorDetail, ReadyDetail };

/** What every widget takes. */
export interface WidgetProps {
  /** URL of a JSON envelope or a tidy CSV file. */
  src?: string;
  /** From JavaScript: an envelope object, or JSON or tidy CSV text. */
  data?: unknown;
  heading?: string;
  /** `2` to `6`. */
  'heading-level'?: number | string;
  headingLevel?: number;
  view?: 'table' | 'chart';
  presenting?: boolean;
  /** Reload every N seconds (at least 5). */
  refresh?: number | string;
  /** Month the reporting year starts (1 to 12). */
  'year-start-month'?: number | string;
  yearStartMonth?: number;
  /** Seconds before a request is given up. */
  timeout?: number | string;
  /** `dark` for a dark host page. */
  theme?: 'light' | 'dark';
  /** The date the figures were frozen (YYYY-MM-DD). */
  'data-as-at'?: string;
  asAt?: string;
}

export interface KpiQuarterTableProps extends WidgetProps {
  /** Reporting year to show, e.g. `2021-22`. */
  year?: string;
  /** Number of year columns for annual data. */
  years?: number | string;
}

export interface AttendanceBySectorProps extends WidgetProps {
  /** Id of the measure shown by sector. */
  measure?: string;
  /** The latest reporting year to show, e.g. `2024-25`. */
  year?: string;
  sort?: 'value' | 'data';
}

export interface TrainingTrendProps extends WidgetProps {
  /** Show at most the latest N years. */
  years?: number | string;
}

/** The events every widget dispatches (they bubble and are composed). */
export interface WidgetEvents {
  'widget-ready': CustomEvent<ReadyDetail>;
  'widget-error': CustomEvent<ErrorDetail>;
}
