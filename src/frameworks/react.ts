/**
 * partnership-widgets/react: React components for the three elements, made
 * with @lit/react. Properties are set as properties (`years={3}`,
 * `data={envelope}`), and the widgets' events are React props:
 * `onWidgetReady` (`widget-ready`) and `onWidgetError` (`widget-error`).
 * Importing this module registers the elements. In TSX:
 *
 *   <KpiQuarterTable src="/data/kpis.json" years={3} onWidgetReady={(e) => console.log(e.detail)} />
 */
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { AttendanceBySector as AttendanceBySectorElement } from '../attendance-by-sector/attendance-by-sector.js';
import type { ErrorDetail, ReadyDetail } from '../core/widget.js';
import { KpiQuarterTable as KpiQuarterTableElement } from '../kpi-quarter-table/kpi-quarter-table.js';
import { TrainingTrend as TrainingTrendElement } from '../training-trend/training-trend.js';

export type { ErrorDetail, ReadyDetail };

const events = {
  onWidgetReady: 'widget-ready' as EventName<CustomEvent<ReadyDetail>>,
  onWidgetError: 'widget-error' as EventName<CustomEvent<ErrorDetail>>,
};

export const KpiQuarterTable = createComponent({
  react: React,
  tagName: 'kpi-quarter-table',
  elementClass: KpiQuarterTableElement,
  events,
  displayName: 'KpiQuarterTable',
});

export const AttendanceBySector = createComponent({
  react: React,
  tagName: 'attendance-by-sector',
  elementClass: AttendanceBySectorElement,
  events,
  displayName: 'AttendanceBySector',
});

export const TrainingTrend = createComponent({
  react: React,
  tagName: 'training-trend',
  elementClass: TrainingTrendElement,
  events,
  displayName: 'TrainingTrend',
});
