import { it } from 'vitest';
import { fixtureDocument } from './fixture-support';
import { LightningView } from './salesforce/view';
it('prof', () => {
  const doc = fixtureDocument('salesforce/lead-00Q5g00000Lq7XyEAJ.html');
  const body = doc.body;
  const t = (name: string, fn: () => unknown) => { for (let i=0;i<5;i++) fn(); const s=performance.now(); for (let i=0;i<20;i++) fn(); console.log(name, ((performance.now()-s)/20).toFixed(2)); };
  t('ids', () => body.querySelectorAll('[data-record-id], [record-id], [data-recordid]'));
  t('items', () => body.querySelectorAll('records-record-layout-item'));
  t('slds', () => body.querySelectorAll('.slds-form-element'));
  t('force', () => body.querySelectorAll('force-record-layout-item'));
  t('view', () => { const v = new LightningView(); for (const el of Array.from(body.querySelectorAll('records-record-layout-item'))) v.isReadable(el); });
  t('closest', () => { for (const el of Array.from(body.querySelectorAll('records-record-layout-item'))) el.closest('#oneHeader, .oneHeader, .slds-global-header_container, one-appnav, one-app-nav-bar, .oneAppNavContainer, .oneUserProfileCard, .userProfilePanel, .tabBarContainer, .oneUtilityBar, .forceHoverPanel, force-record-preview-card, [role="tooltip"]'); });
});
