/**
 * Report text as a scraped web page would carry it, for tests: the text's paragraphs in <p>
 * elements of an <article>, with a site head (title, meta, a stylesheet, scripts), a navigation
 * bar, a share row, an aside of other stories and a footer, all holding figures that must not
 * be read, a photo caption, and the text's own characters written as entities where HTML allows.
 */
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\u00a0': '&nbsp;', '’': '&rsquo;', '“': '&ldquo;', '”': '&rdquo;', '–': '&ndash;', '—': '&mdash;' };

/** The text with HTML's special characters (and some typographic ones) as entities; every third apostrophe as a numeric one. */
export const asEntities = (text: string): string => {
  let n = 0;
  return text.replace(/[&<>"\u00a0’“”–—']/g, (c) => (c === "'" ? (++n % 3 === 0 ? '&#39;' : c) : ENTITIES[c]!));
};

export type PageOptions = { readonly language: 'ar' | 'en'; readonly charset?: string; readonly title?: string };

const FURNITURE = {
  en: { nav: ['Home', 'Syria', 'Middle East', 'Live: 40 killed in Yemen'], other: 'Read also: 120 dead in floods in Bangladesh', caption: 'Smoke rises over a market after a strike (AFP)', footer: '© 2019 The Daily Example. 3 comments' },
  ar: { nav: ['الرئيسية', 'سوريا', 'الشرق الأوسط', 'مباشر: 40 قتيلا في اليمن'], other: 'اقرأ أيضا: 120 قتيلا في فيضانات في بنغلادش', caption: 'دخان يتصاعد من سوق بعد غارة (أ ف ب)', footer: '© 2019 الصحيفة المثال. 3 تعليقات' },
};

/** A page holding `text` as its article (paragraphs are blank-line separated). */
export const asPage = (text: string, o: PageOptions): string => {
  const f = FURNITURE[o.language];
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const [headline, ...body] = paragraphs;
  const half = Math.ceil(body.length / 2);
  return [
    '<!DOCTYPE html>',
    `<html lang="${o.language}" dir="${o.language === 'ar' ? 'rtl' : 'ltr'}">`,
    '<head>',
    o.charset ? `<meta charset="${o.charset}">` : '<meta charset="utf-8">',
    `<title>${asEntities(o.title ?? headline ?? '')} | The Daily Example</title>`,
    '<style>.n{color:red} p::before{content:"99 killed"}</style>',
    '<script>window.dataLayer=[{"killed":75,"page":"article"}]; if (1 < 2 && 3 > 2) console.log("<p>88 dead</p>");</script>',
    '</head>',
    '<body class="article">',
    `<nav class="top"><ul>${f.nav.map((x) => `<li><a href="#">${asEntities(x)}</a></li>`).join('')}</ul></nav>`,
    '<div role="navigation" class="crumbs"><a href="/">Home</a> &raquo; <a href="/syria">Syria: 33 killed</a></div>',
    '<main><article>',
    `<header><h1>${asEntities(headline ?? '')}</h1></header>`,
    ...body.slice(0, half).map((p) => `<p>${asEntities(p)}</p>`),
    `<figure><img src="/a.jpg" alt="77 killed"><figcaption>${asEntities(f.caption)}</figcaption></figure>`,
    ...body.slice(half).map((p) => `<p>${asEntities(p)}</p>`),
    '<div class="share"><button>Share 12</button><button>Tweet</button></div>',
    '</article></main>',
    `<aside><h2>More</h2><p>${asEntities(f.other)}</p></aside>`,
    `<footer><p>${asEntities(f.footer)}</p></footer>`,
    '<script src="/app.js"></script>',
    '</body></html>',
    '',
  ].join('\n');
};
