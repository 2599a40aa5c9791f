import { createApp } from 'vue';
import App from './App.vue';
import './elements/presence-dot';
import './elements/net-status';

const app = createApp(App);
app.config.compilerOptions.isCustomElement = (tag) => tag.includes('-') && !tag.startsWith('v-');
app.mount('#app');
