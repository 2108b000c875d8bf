import { articleFromHtml } from '../../src/input/read-inputs.js';

const PAGE = `<!doctype html><html><head>
<title>Ruritania accuses Acme | Example Wire</title>
<meta property="og:site_name" content="Example Wire">
<meta property="article:published_time" content="2021-03-02T08:15:00-05:00">
<link rel="canonical" href="https://news.example/ruritania-acme">
<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2021-03-01"}</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Ruritania accuses Acme</h1>
<p class="byline">By Jane Reporter</p>
<p>Ruritania accused Acme Corp. on Tuesday of smuggling restricted chips across the border, the foreign ministry said in a statement that also demanded an inquiry.</p>
<p>Acme denied the accusation and said it had complied with every export rule in force, adding that it would cooperate with any investigation.</p>
<p>The dispute is the latest in a series of trade rows between the two neighbours, which signed a customs agreement in 2019.</p>
</article>
<footer>Copyright Example Wire <script>var tracking = 1;</script></footer>
</body></html>`;

describe('articleFromHtml', () => {
  const a = articleFromHtml(PAGE, 'pages/ruritania-acme.html');

  it('keeps the article paragraphs and drops navigation, scripts and footer', () => {
    expect(a.text).toMatch(/^Ruritania accused Acme Corp\. on Tuesday/mu);
    expect(a.text).toMatch(/customs agreement in 2019\.$/u);
    expect(a.text).not.toMatch(/Home|tracking|Copyright/u);
    expect(a.text.split('\n\n').length).toBeGreaterThanOrEqual(3);
  });

  it('takes the date from article:published_time as written (no time-zone shift), and title, URL, source', () => {
    expect(a).toMatchObject({ id: 'ruritania-acme', date: '2021-03-02', url: 'https://news.example/ruritania-acme', source: 'Example Wire' });
    expect(a.title).toMatch(/Ruritania accuses Acme/u);
  });

  it('falls back to JSON-LD datePublished, then to <time datetime>', () => {
    const noMeta = PAGE.replace(/<meta property="article:published_time"[^>]*>/u, '');
    expect(articleFromHtml(noMeta, 'x.html').date).toBe('2021-03-01');
    const onlyTime = noMeta.replace(/<script type="application\/ld\+json">[^<]*<\/script>/u, '').replace('<h1>', '<time datetime="2020-12-31">Dec 31</time><h1>');
    expect(articleFromHtml(onlyTime, 'x.html').date).toBe('2020-12-31');
  });

  it('refuses a page with no date unless --date is given, and a page with no text', () => {
    const undated = PAGE.replace(/<meta property="article:published_time"[^>]*>/u, '').replace(/<script type="application\/ld\+json">[^<]*<\/script>/u, '');
    expect(() => articleFromHtml(undated, 'u.html')).toThrow(/u\.html: no publication date/u);
    expect(articleFromHtml(undated, 'u.html', { date: '2021-01-05' }).date).toBe('2021-01-05');
    expect(() => articleFromHtml('<html><body><nav>menu</nav></body></html>', 'e.html', { date: '2021-01-05' })).toThrow(/e\.html: no article text/u);
  });
});
