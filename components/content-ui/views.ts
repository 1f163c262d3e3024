import type { ComponentProps, ComponentType } from 'react';

/**
 * Every view a page feature can show, by name. The content script only knows the names
 * (and their props' types): the views, React and the panel's CSS live in the UI chunk
 * (components/content-ui/index.tsx), loaded the first time a page has something to show.
 */
export const VIEWS = {
  'lead-panel': () => import('../lead-panel/LeadPanel').then((module) => module.LeadPanel),
  'conversation-panel': () => import('../conversation-panel/ConversationPanel').then((module) => module.ConversationPanel),
  'list-toolbar': () => import('../list-badges/ListToolbar').then((module) => module.ListToolbar),
  'campaign-panel': () => import('../campaign-panel/CampaignPanel').then((module) => module.CampaignPanel),
};

export type ViewName = keyof typeof VIEWS;
type ViewOf<N extends ViewName> = Awaited<ReturnType<(typeof VIEWS)[N]>>;
export type ViewProps<N extends ViewName> = ComponentProps<ViewOf<N>>;

export async function loadView<N extends ViewName>(name: N): Promise<ComponentType<ViewProps<N>>> {
  return (await VIEWS[name]()) as unknown as ComponentType<ViewProps<N>>;
}
