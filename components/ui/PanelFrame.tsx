import { useEffect, useRef, type ReactNode } from 'react';
import type { Store } from '@/lib/content/store';
import { useStore } from './use-store';
import { useTranslate } from './use-translate';

export interface PanelFrameProps {
  regionLabel: string;
  dataState: string;
  /** Lives outside React, so the toggle-panel keyboard command can flip it. */
  collapsed: Store<boolean>;
  /** Reads the page again and asks again, skipping caches; disabled while busy. */
  onRefresh: () => void;
  /** The model is still writing: the refresh button says so. */
  refreshing?: boolean;
  busy: boolean;
  children: ReactNode;
}

/**
 * The docked, collapsible shell every Pulso panel shares: a toggle tab on the left
 * edge, a header, a scrolling body announced politely to screen readers. Escape
 * collapses it and gives focus back to the toggle, as a dialog would.
 */
export function PanelFrame({ regionLabel, dataState, collapsed: collapsedStore, onRefresh, refreshing = false, busy, children }: PanelFrameProps) {
  const t = useTranslate();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const collapsed = useStore(collapsedStore);
  const onToggle = () => collapsedStore.update((was) => !was);
  const onCollapse = () => collapsedStore.set(true);

  useEffect(() => {
    if (collapsed) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        onCollapse();
        toggleRef.current?.focus();
      }
    };
    const root = toggleRef.current?.getRootNode() as ShadowRoot | Document | undefined;
    root?.addEventListener('keydown', onKey as EventListener);
    return () => root?.removeEventListener('keydown', onKey as EventListener);
  }, [collapsed, onCollapse]);

  return (
    <aside
      aria-label={regionLabel}
      data-testid="pulso-panel"
      data-state={dataState}
      className={`pointer-events-auto fixed top-0 right-0 z-[2147483000] flex h-full font-sans text-slate-900 ${collapsed ? '' : 'w-[360px]'}`}
    >
      <button
        ref={toggleRef}
        type="button"
        data-testid="pulso-toggle"
        aria-expanded={!collapsed}
        aria-controls="pulso-panel-body"
        aria-label={collapsed ? t('panel.expand') : t('panel.collapse')}
        onClick={onToggle}
        className="mt-24 h-12 w-8 shrink-0 self-start rounded-l-lg bg-indigo-600 text-sm font-bold text-white shadow-lg focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-800"
      >
        {collapsed ? '‹' : '›'}
      </button>
      {!collapsed && (
        <div id="pulso-panel-body" className="flex h-full min-w-0 flex-1 flex-col border-l border-slate-200 bg-slate-50 shadow-xl">
          <header className="flex items-center justify-between border-b border-slate-200 bg-white px-3 py-2">
            <h2 className="text-base font-bold text-indigo-700">{t('panel.title')}</h2>
            <button
              type="button"
              data-testid="pulso-refresh"
              onClick={onRefresh}
              disabled={busy}
              className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600 disabled:opacity-50"
            >
              {refreshing ? t('panel.refreshing') : t('panel.refresh')}
            </button>
          </header>
          {/* Focusable so keyboard users can scroll a long result. */}
          <div className="min-h-0 flex-1 overflow-y-auto p-3" tabIndex={0} role="region" aria-label={regionLabel} aria-live="polite" aria-busy={busy}>
            {children}
          </div>
        </div>
      )}
    </aside>
  );
}
