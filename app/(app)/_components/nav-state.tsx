'use client';

import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { Menu } from 'lucide-react';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';

export const navId = 'app-nav';

type NavState = {
  open: boolean;
  setOpen: (open: boolean) => void;
  buttonRef: RefObject<HTMLButtonElement | null>;
};

const NavStateContext = createContext<NavState | null>(null);

/** Whether the navigation is shown on a narrow screen; on wide screens it always is. */
export function NavStateProvider({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  // Remember the page the menu was opened on: any navigation, by whatever link, closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const setOpen = useCallback((next: boolean) => setOpenOn(next ? pathname : null), [pathname]);
  const buttonRef = useRef<HTMLButtonElement>(null);

  // Escape closes the open menu from anywhere; focus inside the hidden nav goes back to the button.
  useEffect(() => {
    if (!open) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      const focusInNav = document.getElementById(navId)?.contains(document.activeElement) ?? false;
      setOpen(false);
      if (focusInNav) buttonRef.current?.focus();
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [open, setOpen]);

  return <NavStateContext.Provider value={{ open, setOpen, buttonRef }}>{children}</NavStateContext.Provider>;
}

export function useNavState(): NavState {
  const state = useContext(NavStateContext);
  if (!state) throw new Error('useNavState needs a NavStateProvider');
  return state;
}

/** The phone's menu button: a disclosure for the navigation, hidden where the sidebar shows. */
export function MenuButton() {
  const t = useTranslations('shell');
  const { open, setOpen, buttonRef } = useNavState();
  return (
    <button
      ref={buttonRef}
      type="button"
      aria-expanded={open}
      aria-controls={navId}
      onClick={() => setOpen(!open)}
      className="inline-flex h-9 items-center gap-1.5 rounded-md border border-border px-2.5 text-sm text-ink hover:bg-canvas aria-expanded:bg-accent-soft lg:hidden"
    >
      <Menu className="size-4" aria-hidden="true" />
      {t('menu')}
    </button>
  );
}
