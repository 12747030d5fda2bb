/// <reference types="vite/client" />

/** The Argonaut version from package.json (set by vite.config.ts). */
declare const __APP_VERSION__: string;
