import type { ContactProfile } from '@/lib/contracts';
import { Card } from '../ui/Card';
import { useTranslate } from '../ui/use-translate';

export function ContactCard({ contact }: { contact: ContactProfile }) {
  const t = useTranslate();
  const rows = [
    ['contact.seniority', contact.seniority],
    ['contact.roleType', contact.roleType],
    ['contact.decisionPower', contact.decisionPower],
    ['contact.emailType', contact.emailType],
  ] as const;
  return (
    <Card title={t('panel.contact')} id="pulso-contact">
      <dl className="grid grid-cols-2 gap-x-2 gap-y-1 text-sm">
        {rows.map(([key, value]) => (
          <div key={key} className="contents">
            <dt className="text-slate-500">{t(key)}</dt>
            <dd className="font-medium break-words">{value.replaceAll('_', ' ')}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
