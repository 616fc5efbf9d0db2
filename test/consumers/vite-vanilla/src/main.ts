// The package's main entry registers every element; its types name them.
import 'partnership-widgets';
import type { TrainingTrend } from 'partnership-widgets';

const training: TrainingTrend | null = document.querySelector('training-trend');
training?.addEventListener('widget-ready', (event) => {
  document.body.dataset.trainingYears = String((event.detail.years as string[]).length);
});
