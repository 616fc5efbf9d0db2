/**
 * The elements of dist/partnership-widgets.js (its first chunk, `partnership-widgets/elements.js`):
 * registers every element. Their charts are a chunk of their own, loaded on demand (`core/charts.ts`).
 */
import './index.js';
