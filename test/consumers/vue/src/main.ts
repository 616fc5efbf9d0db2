import { createApp } from 'vue';
import 'partnership-widgets';
import App from './App.vue';

createApp(App).mount('#app');
