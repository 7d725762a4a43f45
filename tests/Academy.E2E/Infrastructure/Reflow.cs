using Microsoft.Playwright;

namespace Academy.E2E.Infrastructure;

public static class Reflow
{
    /// <summary>WCAG 1.4.10 Reflow: at a narrow width the page scrolls in one direction only (tables may scroll in their own box).</summary>
    public static async Task AssertNoHorizontalScrollingAsync(IPage page)
    {
        var problem = await page.EvaluateAsync<string>(
            """
            () => {
              const root = document.documentElement;
              if (root.scrollWidth <= root.clientWidth) return '';
              // Report the outermost elements that stick out of the viewport and are not clipped by a box that scrolls
              // or hides its overflow. An absolutely positioned element escapes such a box unless the box (or something
              // inside it) is its containing block, so its own ancestors below the containing block do not count.
              const inScrollBox = e => {
                const position = getComputedStyle(e).position;
                if (position === 'fixed') return false;
                let a = e.parentElement;
                if (position === 'absolute') {
                  while (a && a !== document.body && getComputedStyle(a).position === 'static') a = a.parentElement;
                }
                for (; a && a !== document.body; a = a.parentElement) {
                  if (getComputedStyle(a).overflowX !== 'visible') return true;
                }
                return false;
              };
              const sticksOut = e => e.getBoundingClientRect().right > root.clientWidth + 1 && !inScrollBox(e);
              const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\s+/).join('.') : '')
                + ' (' + Math.round(e.getBoundingClientRect().width) + ' px wide, right edge at ' + Math.round(e.getBoundingClientRect().right) + ' px)';
              const wide = [...document.body.querySelectorAll('*')]
                .filter(e => sticksOut(e) && !(e.parentElement && e.parentElement !== document.body && sticksOut(e.parentElement)))
                .slice(0, 5)
                .map(describe);
              return `content is ${root.scrollWidth} px wide in a ${root.clientWidth} px viewport; too wide: ${wide.join(', ')}`;
            }
            """);
        Assert.True(problem.Length == 0, $"{page.Url} scrolls horizontally (WCAG 1.4.10 Reflow): {problem}");
    }
}
