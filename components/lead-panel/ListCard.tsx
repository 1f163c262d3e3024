import { Card } from '../ui/Card';
import { useTranslate } from '../ui/use-translate';

/** A titled list of plain-text items (needs, services, next steps). */
export function ListCard({ title, id, items, ordered = false }: { title: string; id: string; items: string[]; ordered?: boolean }) {
  const t = useTranslate();
  const List = ordered ? 'ol' : 'ul';
  return (
    <Card title={title} id={id}>
      {items.length === 0 ? (
        <p className="text-sm text-slate-500">{t('panel.none')}</p>
      ) : (
        <List className={`space-y-1 pl-4 text-sm ${ordered ? 'list-decimal' : 'list-disc'}`} data-testid={id}>
          {items.map((item, index) => (
            <li key={index}>{item}</li>
          ))}
        </List>
      )}
    </Card>
  );
}
