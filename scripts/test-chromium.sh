#!/usr/bin/env bash
# test-chromium.sh - the auditor's view (solvency run --html) in a real
# browser: headless Chromium, Debian's package.
#
#   bash scripts/test-chromium.sh [BUILD_DIR]     (default: build-test)
#
# Runs BUILD_DIR/solvency with --html over three sample cases (c07: a
# month below the threshold, c13: a scan needing review, c16: a deed),
# then, for two case pages and index.html:
# 1. --screenshot: a PNG of the window's size that decodes, is not blank
#    (enough non-white pixels and colours);
# 2. --dump-dom: the DOM Chromium built holds the verdict words, one
#    rect.bar per month and the threshold line in each savings chart (c07:
#    6 bars, 1 below; c13: 6 bars, 2 below), c13's needs-review reason
#    before its documents, the index with c13 first and a link per case;
# 3. every <img> loaded: the pages have no script, so the check runs from
#    outside, over the DevTools protocol (--remote-debugging-pipe, python3
#    standard library): after the load event every document.images[i] must
#    be complete with naturalWidth > 0, and their count must equal the
#    crops the reports name (@evidence, @holderEvidence, @personEvidence);
#    each src must also be a file under OUT_DIR that decodes as a PNG.
# Installs chromium with apt (scripts/deps.sh) when it is missing; runs it
# with --headless --no-sandbox --disable-gpu (as root, the sandbox cannot
# start).
#
# Exit status: 0 passed, 1 failed, 2 usage, 77 skipped (chromium could not
# be installed or started here; the reason is printed as "SKIPPED: ...").
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-test}
[ -x "$build/solvency" ] || { echo "test-chromium: build $build first" >&2; exit 2; }
bin=$(realpath "$build/solvency")
skip() { echo "SKIPPED: $*"; exit 77; }
t0=$(date +%s)

command -v python3 >/dev/null || skip "python3 is missing (the checks are written in it)"
if ! command -v chromium >/dev/null; then
  bash scripts/deps.sh chromium >/dev/null 2>&1 ||
    skip "could not install chromium with apt-get"
  command -v chromium >/dev/null || skip "chromium installed but not found"
fi
tmp=$(mktemp -d /tmp/sv-chromium.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars
       --user-data-dir="$tmp/profile" --window-size=1000,1400)
chrome() { timeout 60 chromium "${flags[@]}" "$@" 2>>"$tmp/chromium.log"; }
chrome --dump-dom about:blank >/dev/null ||
  skip "chromium does not start here (see its log: $(grep -v dbus "$tmp/chromium.log" | tail -1))"

mkdir -p "$tmp/cases"
for c in c07-month-below c13-scan-damaged-figure c16-property-meets; do
  ln -s "$PWD/samples/cases/$c" "$tmp/cases/$c"
done
out="$tmp/out"
"$bin" run -q -j 2 --html --as-of 2026-11-15 --rates samples/rates.xml \
  "$tmp/cases" -o "$out"

pages=(c07-month-below.html c13-scan-damaged-figure.html index.html)
for p in "${pages[@]}"; do
  chrome --screenshot="$tmp/${p%.html}.png" "file://$out/$p" >/dev/null
  chrome --dump-dom "file://$out/$p" >"$tmp/${p%.html}.dom"
done

python3 - "$tmp" "$out" "${pages[@]}" <<'EOF'
import html.parser, json, os, re, struct, subprocess, sys, urllib.parse, zlib

tmp, out, pages = sys.argv[1], sys.argv[2], sys.argv[3:]
failures = []

def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)

def png(path):
    """Decodes a PNG (any colour type, no interlace); returns (w, h,
    channels, rows of bytes) or raises."""
    data = open(path, 'rb').read()
    if data[:8] != b'\x89PNG\r\n\x1a\n':
        raise ValueError('not a PNG')
    pos, idat, hdr = 8, b'', None
    while pos < len(data):
        n, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if zlib.crc32(kind + body) != struct.unpack('>I', data[pos + 8 + n:pos + 12 + n])[0]:
            raise ValueError('bad CRC in ' + kind.decode())
        if kind == b'IHDR':
            hdr = struct.unpack('>IIBBBBB', body)
        elif kind == b'IDAT':
            idat += body
        pos += 12 + n
    w, h, depth, ctype, _, _, interlace = hdr
    if interlace:
        raise ValueError('interlaced')
    ch = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[ctype]
    stride = (w * ch * depth + 7) // 8
    bpp = max(1, ch * depth // 8)
    raw = zlib.decompress(idat)
    if len(raw) != h * (stride + 1):
        raise ValueError('truncated image data')
    rows, prev = [], bytearray(stride)
    for y in range(h):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + b) & 255
            elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
            elif f != 0:
                raise ValueError('bad filter')
        rows.append(bytes(line))
        prev = line
    return w, h, ch if depth == 8 else 0, rows

class Dom(html.parser.HTMLParser):
    """Elements in document order: (tag, attrs, text offset) and the text."""
    def __init__(self, text):
        super().__init__()
        self.els, self.text = [], []
        self.feed(text)
        self.text = ''.join(self.text)
    def handle_starttag(self, tag, attrs):
        self.els.append((tag, dict(attrs), len(''.join(self.text))))
    handle_startendtag = handle_starttag
    def handle_data(self, d):
        self.text.append(d)
    def all(self, tag, cls=None):
        return [e for e in self.els if e[0] == tag and
                (cls is None or cls in (e[1].get('class') or '').split())]

# 1. screenshots
for p in pages:
    shot = os.path.join(tmp, p[:-5] + '.png')
    try:
        w, h, ch, rows = png(shot)
    except Exception as e:
        check(False, f'{p}: screenshot decodes ({e})')
        continue
    check((w, h) == (1000, 1400), f'{p}: screenshot is 1000x1400 ({w}x{h})')
    ink, colours = 0, set()
    for row in rows[::4]:
        for x in range(0, w * ch, ch * 4):
            px = row[x:x + 3]
            colours.add(px)
            ink += min(px) < 235
    total = len(rows[::4]) * len(range(0, w * ch, ch * 4))
    check(ink / total > 0.015, f'{p}: screenshot not blank ({100 * ink / total:.1f}% ink)')
    check(len(colours) > 30, f'{p}: screenshot has {len(colours)} colours')
    check(os.path.getsize(shot) > 30000, f'{p}: screenshot {os.path.getsize(shot)} bytes')

# 2. the DOM Chromium built
def dom(p):
    return Dom(open(os.path.join(tmp, p[:-5] + '.dom'), encoding='utf-8').read())

want = {'c07-month-below.html': ('meets', 6, 1),
        'c13-scan-damaged-figure.html': ('needs review', 6, 2)}
for p, (verdict, bars, below) in want.items():
    d = dom(p)
    check(verdict in d.text, f'{p}: verdict "{verdict}" shown')
    svgs = [e for e in d.els if e[0] == 'svg']
    check(len(svgs) == 1, f'{p}: one chart ({len(svgs)})')
    check(len(d.all('rect', 'bar')) == bars, f'{p}: {bars} bars ({len(d.all("rect", "bar"))})')
    nb = len([e for e in d.all('rect', 'bar') if 'below' in e[1]['class'].split()])
    check(nb == below, f'{p}: {below} bars below the threshold ({nb})')
    check(len(d.all('line', 'threshold')) >= 1, f'{p}: threshold line')
    check(len(d.all('line', 'mean')) >= 1, f'{p}: mean line')
d = dom('c13-scan-damaged-figure.html')
reason = d.text.find('could not be reconciled')
docs = [e[2] for e in d.els if e[1].get('id') == 'documents']
check(0 <= reason < (docs[0] if docs else -1), 'c13: needs-review reason before the documents')
d = dom('index.html')
links = [e[1]['href'] for e in d.all('a') if 'href' in e[1]]
check(links and links[0] == 'c13-scan-damaged-figure.html', f'index: c13 first ({links[:1]})')
check(sorted(links) == sorted(p for p in os.listdir(out) if p.endswith('.html') and p != 'index.html'),
      f'index: one link per page ({len(links)})')

# 3. every <img> loaded, seen from inside the browser
def cdp_images(url):
    r1, w1 = os.pipe()
    r2, w2 = os.pipe()
    def fds():
        a, b = os.dup(r1), os.dup(w2)
        os.dup2(a, 3)
        os.dup2(b, 4)
    proc = subprocess.Popen(['chromium', '--headless', '--no-sandbox', '--disable-gpu',
                             '--remote-debugging-pipe', '--user-data-dir=' + tmp + '/cdp',
                             'about:blank'], preexec_fn=fds, close_fds=False,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(r1)
    os.close(w2)
    state = {'id': 0, 'buf': b''}
    def call(method, params=None, session=None):
        state['id'] += 1
        msg = {'id': state['id'], 'method': method, 'params': params or {}}
        if session:
            msg['sessionId'] = session
        os.write(w1, json.dumps(msg).encode() + b'\0')
        while True:
            while b'\0' in state['buf']:
                m, state['buf'] = state['buf'].split(b'\0', 1)
                m = json.loads(m)
                if m.get('id') == state['id']:
                    if 'error' in m:
                        raise RuntimeError(m['error'])
                    return m['result']
            chunk = os.read(r2, 1 << 16)
            if not chunk:
                raise RuntimeError('chromium closed the DevTools pipe')
            state['buf'] += chunk
    try:
        target = call('Target.createTarget', {'url': 'about:blank'})['targetId']
        s = call('Target.attachToTarget', {'targetId': target, 'flatten': True})['sessionId']
        call('Page.navigate', {'url': url}, s)
        expr = ('new Promise(ok => { const f = () => ok(JSON.stringify('
                '[...document.images].map(i => [i.getAttribute("src"), i.complete, i.naturalWidth])));'
                ' document.readyState === "complete" ? f() : addEventListener("load", f); })')
        r = call('Runtime.evaluate', {'expression': expr, 'awaitPromise': True,
                                      'returnByValue': True}, s)
        return json.loads(r['result']['value'])
    finally:
        try:
            call('Browser.close')
        except Exception:
            pass
        proc.wait(timeout=20)

for p in pages:
    if p == 'index.html':
        continue
    rep = open(os.path.join(out, p[:-5] + '.xml'), encoding='utf-8').read()
    named = len(re.findall(r' (?:evidence|holderEvidence|personEvidence)="', rep))
    imgs = cdp_images('file://' + os.path.join(out, p))
    broken = [i[0] for i in imgs if not (i[1] and i[2] > 0)]
    figures_imgs = len(re.findall(r'<img ', open(os.path.join(out, p), encoding='utf-8').read()
                                  .split('id="figures"', 1)[1]))
    check(figures_imgs == named, f'{p}: one crop per @evidence ({figures_imgs} of {named})')
    check(len(imgs) >= named and not broken,
          f'{p}: {len(imgs)} <img> loaded in Chromium' + (f', broken: {broken[:3]}' if broken else ''))
    bad = []
    for src, _, _ in imgs:
        f = os.path.realpath(os.path.join(out, urllib.parse.unquote(src)))
        try:
            w, h, _, _ = png(f)
            if not (w > 8 and h > 8 and f.startswith(os.path.realpath(out) + '/')):
                bad.append(src)
        except Exception:
            bad.append(src)
    check(not bad, f'{p}: every src is a PNG file under OUT_DIR that decodes'
          + (f' (not: {bad[:3]})' if bad else ''))

sys.exit(1 if failures else 0)
EOF
echo "test-chromium: passed in $(( $(date +%s) - t0 )) s ($(chromium --version 2>/dev/null | head -1))"
