/**
 * Every widget's examples in one list, read from each widget's own
 * `<widget>.examples.ts` (the one example set per widget), in one shape: the
 * tag, a name for test titles, the data (inline, made fresh on each call) or
 * the sample's address on the test server, the attributes and the state the
 * element ends in. Tests that are about a widget's datasets read them here;
 * tests about loading a URL keep their file paths. Not a test file.
 */
import { attendanceExamples, NORFOLK } from '../src/attendance-by-sector/attendance-by-sector.examples.js';
import { kpiExamples } from '../src/kpi-quarter-table/kpi-quarter-table.examples.js';
import { LLR_SAMPLE, trainingExamples } from '../src/training-trend/training-trend.examples.js';

export type Tag = 'kpi-quarter-table' | 'attendance-by-sector' | 'training-trend';

export const TAGS: readonly Tag[] = ['kpi-quarter-table', 'attendance-by-sector', 'training-trend'];

export interface WidgetExample {
  readonly tag: Tag;
  /** `<tag>: <example's name>`, for test titles. */
  readonly name: string;
  readonly description: string;
  readonly src?: string;
  readonly data?: () => Record<string, unknown>;
  readonly attrs: Readonly<Record<string, string>>;
  readonly state: 'loaded' | 'empty' | 'error';
}

export const widgetExamples: readonly WidgetExample[] = [
  ...Object.entries(kpiExamples).map(([name, e]) => ({
    tag: 'kpi-quarter-table' as const,
    name: `kpi-quarter-table: ${name}`,
    description: e.description,
    ...('src' in e ? { src: e.src } : {}),
    ...('data' in e ? { data: e.data } : {}),
    attrs: 'attrs' in e ? e.attrs : {},
    state: 'state' in e ? e.state : ('loaded' as const),
  })),
  ...attendanceExamples.map((e) => ({
    ...e,
    tag: 'attendance-by-sector' as const,
    name: `attendance-by-sector: ${e.name}`,
    attrs: e.attributes,
  })),
  ...trainingExamples.map((e) => ({
    ...e,
    tag: 'training-trend' as const,
    name: `training-trend: ${e.name}`,
    attrs: e.attributes,
  })),
];

/** The examples that end in the loaded state. */
export const loadedExamples = widgetExamples.filter((e) => e.state === 'loaded');

/** Each widget's published sample, as the test server serves it: for tests about loading a URL. */
export const SAMPLE_SRC: Readonly<Record<Tag, string>> = {
  'kpi-quarter-table': kpiExamples.leicester.src,
  'attendance-by-sector': NORFOLK,
  'training-trend': LLR_SAMPLE,
};

/** An example by widget and name (as named in its examples file). */
export function example(tag: Tag, name: string): WidgetExample {
  const found = widgetExamples.find((e) => e.name === `${tag}: ${name}`);
  if (!found) throw new Error(`No ${tag} example named ${name}`);
  return found;
}
