import { h } from 'vue';
import DefaultTheme from 'vitepress/theme';
import type { Theme } from 'vitepress';
import StatusBadge from './components/StatusBadge.vue';
import ReleaseTicker from './components/ReleaseTicker.vue';
import ReadingProgress from './components/ReadingProgress.vue';

export default {
  extends: DefaultTheme,
  Layout() {
    return h(DefaultTheme.Layout, null, {
      'nav-bar-content-after': () => h(StatusBadge),
      'doc-before': () => h(ReadingProgress),
      'home-hero-after': () => h(ReleaseTicker),
    });
  },
  enhanceApp({ app }) {
    app.component('StatusBadge', StatusBadge);
    app.component('ReleaseTicker', ReleaseTicker);
  },
} satisfies Theme;
