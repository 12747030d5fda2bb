import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { applyTheme, savedTheme } from './theme.ts';
import './styles/app.css';

// After an upgrade the server has new script files and the old ones are gone: a screen opened from a
// page loaded before it cannot load its script (the page stayed blank). Load the page again, which
// gets the new files — once per half minute at most, so that a server that is down does not loop.
window.addEventListener('vite:preloadError', () => {
  const key = 'argonaut-reloaded-for-scripts';
  const last = Number(sessionStorage.getItem(key) ?? 0);
  if (Date.now() - last < 30_000) return;
  sessionStorage.setItem(key, String(Date.now()));
  window.location.reload();
});

const { theme, fontSize } = savedTheme();
applyTheme(theme, fontSize);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
