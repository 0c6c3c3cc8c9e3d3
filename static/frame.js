// Inlined by the post-build step as the first child of the stand-alone page's story root, so it
// runs as the parser reaches it, before the first paint. Framed (`?embed` in the address, or a
// parent window), the story takes its embedded look from the address at once: no background of
// its own, the theme asked for (light by default), the flat layout it keeps until the host reports
// where it is, no progress bar unless asked for. The wasm later reads the same options again,
// warns about bad ones and starts the story; this only spares the reader a shift when it does.
{
  const app = document.currentScript.parentElement;
  const query = new URLSearchParams(location.search);
  if (query.has('embed') || window.parent !== window) {
    const theme = query.get('theme');
    const bar = query.get('progress_bar') ?? query.get('progress-bar');
    document.documentElement.setAttribute('data-put-framed', '');
    app.setAttribute('data-put-embed', 'frame');
    app.setAttribute('data-put-layout', 'flat');
    if (theme === 'auto') app.removeAttribute('data-put-theme');
    else app.setAttribute('data-put-theme', theme === 'dark' ? 'dark' : 'light');
    if (bar !== '' && bar !== 'true') app.setAttribute('data-put-bar', 'off');
  }
}
