// A modal dialog's hold on the keyboard: the focus moves in when it opens, Tab and Shift+Tab go round inside it,
// Escape closes it wherever the focus is, and the focus goes back to the control that opened it.

import { nextTick, onBeforeUnmount, watch, type Ref } from 'vue';

const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  'summary',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

/** The controls Tab reaches inside `root`, in order (hidden ones left out). */
export function focusableIn(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0);
}

/**
 * While `isOpen()` holds, the dialog `root` keeps the focus: `first()` (or its first control) takes it on opening,
 * Escape calls `close()` even when the focus has somehow left, and on closing the focus returns to where it was.
 */
export function useDialogFocus(options: {
  isOpen: () => boolean;
  root: Ref<HTMLElement | null>;
  close: () => void;
  first?: () => HTMLElement | null;
}): void {
  let opener: HTMLElement | null = null;

  function onKeydown(event: KeyboardEvent): void {
    const root = options.root.value;
    if (!root) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      options.close();
      return;
    }
    if (event.key !== 'Tab') return;
    const controls = focusableIn(root);
    if (!controls.length) {
      event.preventDefault();
      root.focus();
      return;
    }
    const active = document.activeElement as HTMLElement | null;
    const at = active ? controls.indexOf(active) : -1;
    // the browser moves the focus between controls itself; only the ends (and a focus outside) go round
    if (event.shiftKey && at <= 0) {
      event.preventDefault();
      controls[controls.length - 1]!.focus();
    } else if (!event.shiftKey && (at === -1 || at === controls.length - 1)) {
      event.preventDefault();
      controls[0]!.focus();
    }
  }

  /** a focus that lands outside (a script, the browser) is brought back in */
  function onFocusIn(event: FocusEvent): void {
    const root = options.root.value;
    if (root && event.target instanceof Node && !root.contains(event.target)) (focusableIn(root)[0] ?? root).focus();
  }

  function hold(): void {
    document.addEventListener('keydown', onKeydown, true);
    document.addEventListener('focusin', onFocusIn);
  }

  function release(): void {
    document.removeEventListener('keydown', onKeydown, true);
    document.removeEventListener('focusin', onFocusIn);
  }

  watch(
    options.isOpen,
    async (open) => {
      if (open) {
        opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
        hold();
        await nextTick();
        const root = options.root.value;
        if (!root) return;
        const first = options.first?.() ?? focusableIn(root)[0] ?? root;
        if (!root.contains(document.activeElement)) first.focus();
        return;
      }
      release();
      const back = opener;
      opener = null;
      await nextTick();
      // only when nothing else took the focus meanwhile (another dialog, a field the closing action focused)
      if (back?.isConnected && (document.activeElement === document.body || document.activeElement === null)) back.focus();
    },
    { immediate: true },
  );

  onBeforeUnmount(release);
}
