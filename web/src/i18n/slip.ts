// Headings of the client's slip in the client's first language, beside the
// German ones. Only headings: the offers' own texts stay as the providers
// wrote them. Add a language by adding a row.
export interface SlipHeadings {
  title: string;
  intro: string;
  provider: string;
  address: string;
  schedule: string;
  contact: string;
  languages: string;
  online: string;
}

export const slipHeadings: Record<string, SlipHeadings> = {
  de: {
    title: 'Angebote für Sie',
    intro: 'Bitte nehmen Sie Kontakt mit diesen Stellen auf. Bringen Sie diesen Zettel mit.',
    provider: 'Träger',
    address: 'Adresse',
    schedule: 'Zeiten',
    contact: 'Kontakt',
    languages: 'Sprachen',
    online: 'online',
  },
  en: {
    title: 'Services for you',
    intro: 'Please get in touch with these services. Bring this sheet with you.',
    provider: 'Provider',
    address: 'Address',
    schedule: 'Times',
    contact: 'Contact',
    languages: 'Languages',
    online: 'online',
  },
  ar: {
    title: 'خدمات لك',
    intro: 'يرجى التواصل مع هذه الجهات. أحضر هذه الورقة معك.',
    provider: 'الجهة المقدمة',
    address: 'العنوان',
    schedule: 'المواعيد',
    contact: 'التواصل',
    languages: 'اللغات',
    online: 'عبر الإنترنت',
  },
  tr: {
    title: 'Size uygun hizmetler',
    intro: 'Lütfen bu kurumlarla iletişime geçin. Bu kâğıdı yanınızda getirin.',
    provider: 'Kurum',
    address: 'Adres',
    schedule: 'Saatler',
    contact: 'İletişim',
    languages: 'Diller',
    online: 'çevrim içi',
  },
  uk: {
    title: 'Послуги для вас',
    intro: 'Будь ласка, зверніться до цих установ. Візьміть цей аркуш із собою.',
    provider: 'Організація',
    address: 'Адреса',
    schedule: 'Час',
    contact: 'Контакт',
    languages: 'Мови',
    online: 'онлайн',
  },
  fa: {
    title: 'خدمات برای شما',
    intro: 'لطفاً با این مراکز تماس بگیرید. این برگه را همراه خود بیاورید.',
    provider: 'ارائه‌دهنده',
    address: 'نشانی',
    schedule: 'زمان‌ها',
    contact: 'تماس',
    languages: 'زبان‌ها',
    online: 'آنلاین',
  },
  ru: {
    title: 'Услуги для вас',
    intro: 'Пожалуйста, свяжитесь с этими организациями. Возьмите этот лист с собой.',
    provider: 'Организация',
    address: 'Адрес',
    schedule: 'Время',
    contact: 'Контакт',
    languages: 'Языки',
    online: 'онлайн',
  },
  fr: {
    title: 'Services pour vous',
    intro: 'Veuillez contacter ces services. Apportez cette feuille avec vous.',
    provider: 'Organisme',
    address: 'Adresse',
    schedule: 'Horaires',
    contact: 'Contact',
    languages: 'Langues',
    online: 'en ligne',
  },
};

// Languages written right to left.
const rtl = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'ckb', 'yi', 'dv']);
export const isRTL = (lang: string): boolean => rtl.has(lang);

// The second headings for a language, or null when Lotse has none (German
// alone) or the language is German.
export function secondHeadings(lang: string | null | undefined): SlipHeadings | null {
  if (!lang || lang === 'de') return null;
  return slipHeadings[lang] ?? null;
}
