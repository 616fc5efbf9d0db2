/**
 * partnership-widgets/react-jsx: the three tags in React 19's JSX, for TSX
 * that writes them directly (`<kpi-quarter-table years={3} />`). Types only:
 *
 *   import type {} from 'partnership-widgets/react-jsx';
 *
 * React 19 sets a prop as a property when the element has one (`years`,
 * `data`, `headingLevel`) and as an attribute otherwise (`heading-level`),
 * and listens to an event for a prop named `on` + the event's name
 * (`onwidget-ready`). The components in `partnership-widgets/react` name them
 * `onWidgetReady` and `onWidgetError`.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { AttendanceBySector } from '../attendance-by-sector/attendance-by-sector.js';
import type { KpiQuarterTable } from '../kpi-quarter-table/kpi-quarter-table.js';
import type { TrainingTrend } from '../training-trend/training-trend.js';
import type {
  AttendanceBySectorProps,
  ErrorDetail,
  KpiQuarterTableProps,
  ReadyDetail,
  TrainingTrendProps,
} from './props.js';

/** The widgets' events, as React 19 listens to them on a custom element. */
interface EventProps {
  'onwidget-ready'?: (event: CustomEvent<ReadyDetail>) => void;
  'onwidget-error'?: (event: CustomEvent<ErrorDetail>) => void;
}

type TagProps<E extends HTMLElement, P> = Omit<DetailedHTMLProps<HTMLAttributes<E>, E>, keyof P> & P & EventProps;

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- React's own JSX namespace, augmented
  namespace JSX {
    interface IntrinsicElements {
      'kpi-quarter-table': TagProps<KpiQuarterTable, KpiQuarterTableProps>;
      'attendance-by-sector': TagProps<AttendanceBySector, AttendanceBySectorProps>;
      'training-trend': TagProps<TrainingTrend, TrainingTrendProps>;
    }
  }
}

export type { AttendanceBySectorProps, KpiQuarterTableProps, TrainingTrendProps };
