import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CompanyProfileSchema } from '@/lib/contracts';
import { UiLanguageContext } from '../ui/use-translate';
import { draftFromProfile } from './profile-draft';
import { ProfileUnderstood, understandDraft } from './ProfileUnderstood';

const SASNW = CompanyProfileSchema.parse(JSON.parse(readFileSync(join(import.meta.dirname, '../../eval/profiles/sasnw-demo.json'), 'utf8')));

describe('options page: what Pulso understood of the profile', () => {
  it('services by name with their key terms; industries and sizes read from the audience prose', () => {
    const understood = understandDraft(draftFromProfile(SASNW))!;
    expect(understood.services.map((s) => s.name)).toContain('Respaldo de datos');
    expect(understood.industriesFrom).toBe('audience');
    const html = renderToStaticMarkup(
      <UiLanguageContext.Provider value="es">
        <ProfileUnderstood draft={draftFromProfile(SASNW)} />
      </UiLanguageContext.Provider>,
    );
    expect(html).toContain('Lo que Pulso entendió');
    expect(html).toContain('<strong>Respaldo de datos</strong>');
    expect(html).toContain('leídos del público objetivo, como ejemplos');
    expect(html).toContain('50+ employees');
  });
  it('says nothing for an invalid draft', () => {
    expect(understandDraft({ ...draftFromProfile(SASNW), name: '' })).toBeUndefined();
  });
});
