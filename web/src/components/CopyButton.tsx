import { useState } from 'react';
import { useT } from '../i18n/index.tsx';

/** Copies a text to the clipboard and says so. */
export function CopyButton({ text, label }: { text: string; label?: string }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // Without clipboard access (plain http), select the text in a temporary field and copy.
      const area = document.createElement('textarea');
      area.value = text;
      document.body.appendChild(area);
      area.select();
      document.execCommand('copy');
      area.remove();
    }
    setCopied(true);
    window.setTimeout(() => setCopied(false), 2000);
  };
  return (
    <button type="button" onClick={copy} className="copy-button">
      {label ?? t('common.copy')}
      <span className="copy-state" role="status">
        {copied ? ` ✓ ${t('common.copied')}` : ''}
      </span>
    </button>
  );
}
