// Both ways of using the widgets from React 19: the raw tags (typed by
// partnership-widgets/react-jsx) and the @lit/react components.
import { useState } from 'react';
import type {} from 'partnership-widgets/react-jsx';
import 'partnership-widgets';
import { AttendanceBySector, KpiQuarterTable, TrainingTrend, type ReadyDetail } from 'partnership-widgets/react';

export function App() {
  const [ready, setReady] = useState<Record<string, ReadyDetail>>({});
  const onReady = (id: string) => (event: CustomEvent<ReadyDetail>) =>
    setReady((seen) => ({ ...seen, [id]: event.detail }));
  return (
    <main>
      <h1>partnership-widgets in a React app</h1>
      <section>
        <h2>Tags</h2>
        <kpi-quarter-table id="tag-kpi" src="/data/trafford-referrals-annual.json" years={3} heading-level="3" />
        <attendance-by-sector id="tag-attendance" src="/data/norfolk-lscg-attendance-2024-25.json" heading-level="3" />
        <training-trend
          id="tag-training"
          src="/data/llr-training.json"
          years={3}
          headingLevel={3}
          onwidget-ready={onReady('tag-training')}
        />
      </section>
      <section>
        <h2>Components</h2>
        <KpiQuarterTable
          id="component-kpi"
          src="/data/leicester-kpis-2021-22.json"
          headingLevel={3}
          onWidgetReady={onReady('component-kpi')}
        />
        <AttendanceBySector
          id="component-attendance"
          src="/data/norfolk-lscg-attendance-2024-25.csv"
          headingLevel={3}
          onWidgetReady={onReady('component-attendance')}
        />
        <TrainingTrend
          id="component-training"
          src="/data/llr-training.json"
          years={3}
          headingLevel={3}
          onWidgetReady={onReady('component-training')}
          onWidgetError={(event) => console.error(event.detail.message)}
        />
      </section>
      <output id="ready">{JSON.stringify(ready)}</output>
    </main>
  );
}
