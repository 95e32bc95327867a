/**
 * Figures as people read them in reports: thousands separated ("1,200"), whatever the
 * locale of the machine, and a claim's figure with its qualifier ("at least 1,200").
 * Data attributes and JSON keep the bare numbers.
 */
export const formatNumber = (n: number): string => {
  const [int, frac] = String(n).split('.');
  const sign = int!.startsWith('-') ? '-' : '';
  const digits = sign ? int!.slice(1) : int!;
  return `${sign}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac === undefined ? '' : `.${frac}`}`;
};

const QUALIFIED: Readonly<Record<string, string>> = { 'at-least': 'at least', about: 'about', 'more-than': 'more than', 'up-to': 'up to' };

/** "at least 1,200", "about 30", "12"; null (a vague figure) as the fallback. */
export const formatFigure = (value: number | null, qualifier: string, fallback = 'vague'): string => {
  if (value === null) return fallback;
  const q = QUALIFIED[qualifier];
  return q ? `${q} ${formatNumber(value)}` : formatNumber(value);
};
