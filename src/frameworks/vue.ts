/**
 * partnership-widgets/vue: the three tags in Vue's templates, for
 * `vue-tsc` (with `strictTemplates` too). Types only:
 *
 *   import type {} from 'partnership-widgets/vue';   // e.g. in env.d.ts
 *
 * Tell Vue's compiler the tags are custom elements, not Vue components
 * (`vue({ template: { compilerOptions: { isCustomElement: (tag) => ... } } })`).
 * Vue sets a bound prop as a property when the element has one
 * (`:years="3"`, `:data="envelope"`); `@widget-ready` and `@widget-error`
 * listen to the widgets' events.
 */
import type { DefineComponent, HTMLAttributes } from 'vue';
import type {
  AttendanceBySectorProps,
  ErrorDetail,
  KpiQuarterTableProps,
  ReadyDetail,
  TrainingTrendProps,
} from './props.js';

interface EventProps {
  onWidgetReady?: (event: CustomEvent<ReadyDetail>) => void;
  onWidgetError?: (event: CustomEvent<ErrorDetail>) => void;
}

/** The element's own props and events, and the HTML attributes every element takes (`id`, `class`, `lang`...). */
type TagProps<P> = Omit<HTMLAttributes, keyof P | keyof EventProps> & P & EventProps;

declare module 'vue' {
  interface GlobalComponents {
    'kpi-quarter-table': DefineComponent<TagProps<KpiQuarterTableProps>>;
    'attendance-by-sector': DefineComponent<TagProps<AttendanceBySectorProps>>;
    'training-trend': DefineComponent<TagProps<TrainingTrendProps>>;
  }
}

export type { AttendanceBySectorProps, ErrorDetail, KpiQuarterTableProps, ReadyDetail, TrainingTrendProps };
