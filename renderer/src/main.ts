// Starts the app: one Pinia, the App shell, and a last line of defence that turns any uncaught failure into the
// problem banner (a readable message, never a dead screen).

// the base sheet first, so each component's scoped rules come after it, as they did when they were all in it
import './styles.css';
import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { useShellStore } from './stores/shell';

const app = createApp(App);
const pinia = createPinia();
app.use(pinia);

app.config.errorHandler = (error) => {
  console.error('[neuron-studio]', error);
  useShellStore(pinia).report(error, 'drawing the screen');
};
window.addEventListener('unhandledrejection', (event) => {
  console.error('[neuron-studio]', event.reason);
  useShellStore(pinia).report(event.reason);
  event.preventDefault();
});

app.mount('#app');
