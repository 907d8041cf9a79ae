import { type ReactNode, useEffect, useState } from 'react';
import { Icon } from './Icon.js';

/** How long the button says "Copied" after a click. */
const CONFIRM_MS = 1500;

/** Props of {@link CopyButton}. */
export interface CopyButtonProps {
  /** The text put on the clipboard. */
  value: string;
  /** The button's accessible name, e.g. "Copy code". */
  label: string;
  /** Whether "Copy"/"Copied" is written beside the icon. */
  showText?: boolean;
}

/** A button that copies `value` to the clipboard and confirms it for a moment. */
export function CopyButton({ value, label, showText = true }: CopyButtonProps): ReactNode {
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
    <button type="button" className="ghost-button copy-button" aria-label={label} onClick={copy}>
      <Icon name={copied ? 'check' : 'copy'} size={14} />
      {showText && <span aria-hidden="true">{copied ? 'Copied' : 'Copy'}</span>}
    </button>
  );
}
