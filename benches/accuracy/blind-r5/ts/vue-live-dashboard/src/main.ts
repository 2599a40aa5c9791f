import { createApp } from 'vue'
import { createRouter, createWebHistory } from 'vue-router'
import App from './App.vue'
import OrderFeed from './components/OrderFeed.vue'
import MarketPanel from './components/MarketPanel.vue'

const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', component: OrderFeed },
    { path: '/markets', component: MarketPanel },
  ],
})

createApp(App).use(router).mount('#app')
