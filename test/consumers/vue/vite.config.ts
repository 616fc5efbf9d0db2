import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

const tags = new Set(['kpi-quarter-table', 'attendance-by-sector', 'training-trend']);

export default defineConfig({
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tags.has(tag) } } })],
});
