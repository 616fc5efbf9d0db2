/// <reference types="vite/client" />
import type {} from 'partnership-widgets/vue';
