// Hand-written news pages and feeds for the source tests (invented stories, real document shapes).

export interface Story {
  readonly slug: string;
  readonly title: string;
  readonly paragraphs: readonly string[];
}

export const PORT_STORY: Story = {
  slug: 'port-strike',
  title: 'Dockworkers walk out at Valmora port',
  paragraphs: [
    'Dockworkers at the port of Valmora walked out on Tuesday after talks with the Harbour Authority collapsed, leaving dozens of container ships waiting offshore.',
    'The union accused the authority of cutting overtime pay without notice and demanded that the old rates be restored before its members return to work.',
    'The Harbour Authority rejected the accusation and said the new schedule had been agreed with union representatives in March.',
    'Shipping agents said the stoppage was already delaying fruit and fuel deliveries, and the chamber of commerce urged both sides to return to the table.',
  ],
};

export const MINE_STORY: Story = {
  slug: 'mine-licence',
  title: 'Ostrava Mining loses licence in Karsland',
  paragraphs: [
    'The government of Karsland revoked the operating licence of Ostrava Mining on Monday, citing repeated breaches of water-safety rules at its copper mine near Belsk.',
    'Environment Minister Ilse Brandt accused the company of hiding test results from inspectors for two years and said fines would follow.',
    'Ostrava Mining denied wrongdoing and said it would challenge the decision in court, adding that its own monitoring showed no contamination.',
    'About 1,400 people work at the mine, which supplies a third of the copper refined in the region, and local officials warned of job losses.',
  ],
};

export const BANK_STORY: Story = {
  slug: 'bank-fine',
  title: 'Regulator fines Northgate Bank',
  paragraphs: [
    'The Financial Conduct Board fined Northgate Bank 40 million euros on Thursday for failing to report suspicious transfers linked to a shipping company.',
    'The board said the bank had ignored warnings from its own compliance staff and criticized its chief executive, Paul Hennig, for a weak response.',
    'Northgate Bank said it accepted the penalty and had since hired more than 200 compliance officers.',
    'Analysts said the fine was the largest the board had imposed on a domestic lender, though well below the sums levied on foreign banks last year.',
  ],
};

/** A news page: navigation, a dated article, a footer; the date in article:published_time as given. */
export function newsPage(story: Story, opts: { date?: string; canonical?: string; site?: string } = {}): string {
  return `<!doctype html><html><head>
<meta charset="utf-8"><title>${story.title} | ${opts.site ?? 'Daily Ledger'}</title>
<meta property="og:site_name" content="${opts.site ?? 'Daily Ledger'}">
${opts.date ? `<meta property="article:published_time" content="${opts.date}">` : ''}
${opts.canonical ? `<link rel="canonical" href="${opts.canonical}">` : ''}
</head><body>
<nav><a href="/">Front page</a> <a href="/world">World</a> <a href="/business">Business</a></nav>
<article><h1>${story.title}</h1><p class="byline">By Mara Quell</p>
${story.paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</article>
<footer>© Daily Ledger. <a href="/privacy">Privacy</a></footer>
</body></html>`;
}

const esc = (s: string): string => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

/** Paragraphs long enough to be the whole story in a feed item. */
function fullHtml(story: Story): string {
  return story.paragraphs.map((p) => `<p>${p}</p>`).join('');
}

export interface RssItem {
  readonly story: Story;
  readonly guid?: string;
  readonly link: string;
  readonly pubDate?: string;
  /** true: content:encoded holds the whole story; false: only a one-line description. */
  readonly full: boolean;
}

export function rssFeed(title: string, items: readonly RssItem[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>${esc(title)}</title>
<link>https://ledger.example/</link>
<description>Latest stories</description>
${items
  .map(
    (i) => `<item>
  <title>${esc(i.story.title)}</title>
  <link>${esc(i.link)}</link>
  ${i.guid ? `<guid isPermaLink="false">${esc(i.guid)}</guid>` : ''}
  ${i.pubDate ? `<pubDate>${i.pubDate}</pubDate>` : ''}
  <description>${esc(i.story.paragraphs[0]!.split(',')[0]!)}…</description>
  ${i.full ? `<content:encoded><![CDATA[${fullHtml(i.story)}]]></content:encoded>` : ''}
</item>`,
  )
  .join('\n')}
</channel>
</rss>`;
}

export interface AtomEntry {
  readonly story: Story;
  readonly id: string;
  readonly link: string;
  readonly published?: string;
  readonly updated: string;
  readonly full: boolean;
}

export function atomFeed(title: string, entries: readonly AtomEntry[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title type="text">${esc(title)}</title>
<id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
<updated>2022-06-02T09:00:00Z</updated>
${entries
  .map(
    (e) => `<entry>
  <title>${esc(e.story.title)}</title>
  <id>${esc(e.id)}</id>
  <link rel="alternate" type="text/html" href="${esc(e.link)}"/>
  ${e.published ? `<published>${e.published}</published>` : ''}
  <updated>${e.updated}</updated>
  <summary>${esc(e.story.paragraphs[0]!.split(',')[0]!)}…</summary>
  ${e.full ? `<content type="html">${esc(fullHtml(e.story))}</content>` : ''}
</entry>`,
  )
  .join('\n')}
</feed>`;
}
