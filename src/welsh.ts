/**
 * The Welsh catalogues (a chunk of their own in the script a page includes): importing this module
 * fills in `cy` in every catalogue. The elements load it with `loadWelsh()` (core/messages.ts) when
 * a widget's language is Welsh, so that a page in English never downloads it; the command line
 * imports it at once (`src/internal.ts`).
 */
import { cy as attendance } from './attendance-by-sector/messages.cy.js';
import { catalogue as attendanceCatalogues } from './attendance-by-sector/messages.js';
import { chartKeyboard, viewKeys } from './core/chart-keyboard.cy.js';
import { chartKeyboardCatalogues, viewKeyCatalogues } from './core/chart-keyboard.js';
import { cy as core } from './core/messages.cy.js';
import { catalogues as coreCatalogues } from './core/messages.js';
import { cy as trend } from './core/trend.cy.js';
import { catalogues as trendCatalogues } from './core/trend.js';
import { cy as kpi } from './kpi-quarter-table/messages.cy.js';
import { catalogues as kpiCatalogues } from './kpi-quarter-table/messages.js';
import { cy as training } from './training-trend/messages.cy.js';
import { catalogues as trainingCatalogues } from './training-trend/messages.js';

coreCatalogues.cy = core;
chartKeyboardCatalogues.cy = chartKeyboard;
viewKeyCatalogues.cy = viewKeys;
trendCatalogues.cy = trend;
kpiCatalogues.cy = kpi;
attendanceCatalogues.cy = attendance;
trainingCatalogues.cy = training;
