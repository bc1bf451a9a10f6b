{#- Shown above the Print / PDF page on screen only (mkdocs-print-site-plugin hides it in print). -#}
<p><strong>The whole guide on one page, ready to print.</strong>
  <a href="../{{ config.extra.pdf }}" download>Download the guide as a PDF</a> (A4, with bookmarks),
  or print this page from your browser (File → Print → Save as PDF).</p>
