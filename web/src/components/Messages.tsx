/** Banners for errors and confirmations, announced to screen readers. */
import type { ReactNode } from 'react';
import { isApiError } from '../api.ts';

export function ErrorBanner({ error, children }: { error?: unknown; children?: ReactNode }) {
  if (!error && !children) return null;
  const message = children ?? (isApiError(error) ? error.message : error instanceof Error ? error.message : String(error));
  return (
    <div className="banner error" role="alert" data-testid="error-message">
      {message}
    </div>
  );
}

export function SuccessBanner({ children }: { children?: ReactNode }) {
  if (!children) return null;
  return (
    <div className="banner success" role="status" data-testid="success-message">
      {children}
    </div>
  );
}

export function InfoNote({ children }: { children: ReactNode }) {
  return <div className="banner info">{children}</div>;
}
