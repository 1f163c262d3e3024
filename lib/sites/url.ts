/** An https URL, parsed; anything else (http:, javascript:, garbage) is no CRM page of ours. */
export function parseHttpsUrl(url: string): URL | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** The host as compared against a CRM's domains: lowercase, without a trailing root dot. */
export function hostOf(url: URL): string {
  return url.hostname.toLowerCase().replace(/\.$/, '');
}
