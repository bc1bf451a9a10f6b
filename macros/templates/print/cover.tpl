{#- The Print / PDF page's cover (mkdocs-print-site-plugin, plugins.print-site.cover_page_template). -#}
<div class="print-cover">
  <p class="print-cover__kicker">AWS Certified Machine Learning Engineer – Associate</p>
  <h1>{{ config.site_name }}</h1>
  <p class="print-cover__lead">{{ config.site_description }}</p>
  <p>Read it online, with search and the latest corrections: <a href="{{ config.site_url }}">{{ config.site_url }}</a></p>
  <p class="print-cover__small">Content CC BY-SA 4.0, code MIT. Not affiliated with or endorsed by Amazon Web Services.
  The objective statements are quoted from AWS's MLA-C01 exam guide.</p>
</div>
