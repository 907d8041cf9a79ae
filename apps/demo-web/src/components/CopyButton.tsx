import { type ReactNode, useEffect, useState } from 'react';

/** How long the button says "Copied" after a click. */
const CONFIRM_MS = 1500;

/** A button that copies `value` to the clipboard and confirms it for a moment. */
export function CopyButton({ value, label }: { value: string; label: string }): ReactNode {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), CONFIRM_MS);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      // Without clipboard permission the value is still visible and selectable beside the button.
      setCopied(false);
    }
  };

  return (
    <button type="button" className="copy-button" aria-label={label} onClick={copy}>
      {copied ? 'Copied' : 'Copy'}
    </button>
  );
}
