/** The chart keyboard's and the view keys' strings in Welsh (cy), loaded on demand with the other Welsh catalogues (`src/welsh.ts`). */
import type { ChartKeyboardMessages, ViewKeyMessages } from './chart-keyboard.js';

export const chartKeyboard: ChartKeyboardMessages = {
  instructions:
    'Defnyddiwch y bysellau saeth i symud o far i far, Home ac End i fynd i’r cyntaf a’r olaf, ac Escape i adael y siart.',
  position: (n, count) => `${n} o ${count}`,
};

export const viewKeys: ViewKeyMessages = {
  table: 'Yn dangos y tabl',
  chart: 'Yn dangos y siart',
  presentingOn: 'Cyflwyno: testun a marciau mwy',
  presentingOff: 'Cyflwyno wedi’i ddiffodd: maint arferol',
};
