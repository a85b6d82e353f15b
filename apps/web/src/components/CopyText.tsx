import { Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Puts text on the clipboard. navigator.clipboard needs a secure context (a phone on http:// over the LAN has none), hence the fallback. */
async function copy(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the old way
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  return ok;
}

/** A button that copies `value` and says so for two seconds. */
export function CopyText({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <Button
      size="compact-md"
      variant={copied ? 'filled' : 'light'}
      color={copied ? 'teal.9' : undefined}
      aria-label={label}
      data-testid="copy-button"
      onClick={() => {
        void copy(value).then((ok) => {
          setCopied(ok);
          if (ok) setTimeout(() => setCopied(false), 2000);
        });
      }}
    >
      {copied ? t('copied') : t('copy')}
    </Button>
  );
}
