import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { applyTheme, savedTheme } from './theme.ts';
import './styles/app.css';

const { theme, fontSize } = savedTheme();
applyTheme(theme, fontSize);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
