/**
 * partnership-widgets/react-jsx: the three tags in React 19's JSX, for TSX
 * that writes them directly (`<kpi-quarter-table years={3} />`). Types only:
 *
 *   import type {} from 'partnership-widgets/react-jsx';
 *
 * React 19 sets a prop as a property when the element has one (`years`,
 * `data`, `headingLevel`) and as an attribute otherwise (`heading-level`).
 * For the widgets' events as props, use the components in
 * `partnership-widgets/react`.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { AttendanceBySector } from '../attendance-by-sector/attendance-by-sector.js';
import type { KpiQuarterTable } from '../kpi-quarter-table/kpi-quarter-table.js';
import type { TrainingTrend } from '../training-trend/training-trend.js';
import type { AttendanceBySectorProps, KpiQuarterTableProps, TrainingTrendProps } from './props.js';

type TagProps<E extends HTMLElement, P> = Omit<DetailedHTMLProps<HTMLAttributes<E>, E>, keyof P> & P;

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
