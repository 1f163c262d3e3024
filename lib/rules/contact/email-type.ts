import type { ContactProfile } from '../../contracts';

export type EmailType = ContactProfile['emailType'];

export interface EmailInfo {
  type: EmailType;
  /** The address as read (lowercase, trimmed), '' when none could be read. */
  address: string;
  domain: string;
  /** True for throwaway inboxes (mailinator…), which are also INVALID. */
  disposable: boolean;
}

/**
 * Free-mail providers: the brand label followed only by a public suffix, so
 * yahoo.es, hotmail.com.mx and outlook.co.uk count, and yahoo.example.com does not.
 * Decision: zoho.com / zohomail.com are the free personal inboxes (a company on
 * Zoho uses its own domain), so FREE.
 */
const FREE_BRANDS =
  /^(?:gmail|googlemail|hotmail|outlook|live|msn|windowslive|yahoo|ymail|rocketmail|aol|aim|icloud|me|mac|proton|protonmail|pm|gmx|yandex|ya|mail|email|zoho|zohomail|terra|tutanota|tuta|fastmail|hey|qq|163|126|sina|web|libero|orange|wanadoo|free|laposte|telefonica|movistar|uol|bol|prodigy|hushmail|inbox|lycos|rediffmail|btinternet|comcast|sbcglobal|verizon|att|t-online|seznam|wp|o2|virgilio|tiscali|ono|jazztel|arnet|speedy|fibertel|latinmail|correo|starmedia|outlook-es)\.(?:[a-z]{2,3})(?:\.[a-z]{2})?$/;

/** Throwaway inboxes. Source: the brief ("disposable domains like mailinator"). */
const DISPOSABLE =
  /(?:^|\.)(?:mailinator|guerrillamail|guerrillamailblock|sharklasers|grr|10minutemail|10minutemail\.co|tempmail|temp-mail|tempmailo|tempail|yopmail|trashmail|trashmail\.de|getnada|nada|dispostable|throwawaymail|maildrop|fakeinbox|mintemail|mohmal|emailondeck|spamgourmet|mailnesia|discard|mailcatch|spambox|mytemp|tempr|burnermail|33mail|moakt|mailpoof|inboxkitten|fakemail|emailfake|spam4)\.[a-z.]{2,10}$/;

const ADDRESS = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}$/;
const ANGLE = /<([^<>\s]+@[^<>\s]+)>/;

/** Email → CORPORATE | FREE | INVALID | MISSING (rule 2 of the brief). */
export function classifyEmail(email: string | undefined): EmailInfo {
  const raw = typeof email === 'string' ? email.trim() : '';
  if (!raw) return { type: 'MISSING', address: '', domain: '', disposable: false };
  let address = (ANGLE.exec(raw)?.[1] ?? raw).toLowerCase().replace(/^mailto:/, '').trim();
  if (address.length > 254) return { type: 'INVALID', address: address.slice(0, 254), domain: '', disposable: false };
  address = address.replace(/\.$/, '');
  if (!ADDRESS.test(address) || (address.split('@')[0] ?? '').length > 64) {
    return { type: 'INVALID', address, domain: '', disposable: false };
  }
  const domain = address.slice(address.lastIndexOf('@') + 1);
  if (DISPOSABLE.test(domain)) return { type: 'INVALID', address, domain, disposable: true };
  return { type: FREE_BRANDS.test(domain) ? 'FREE' : 'CORPORATE', address, domain, disposable: false };
}
