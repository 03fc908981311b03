"""``workbench fetch``: CBS's Veilig Thuis tables from its open data API into the data folder.

- :mod:`.http`: a JSON GET that retries a server error, a broken connection or a response cut off halfway;
- :mod:`.odata_v3`: the old API (OData v3, ``opendata.cbs.nl``) through the ``cbsodata`` package;
- :mod:`.odata_v4`: the new API (OData v4, ``datasets.cbs.nl/odata/v1``) through a small client of our own;
- :mod:`.raw_table`: what either API gives, and how it becomes the StatLine CSV the readers take;
- :mod:`.tables`: the command itself: resuming, atomic writes, manifests; :mod:`.choices`: which tables and APIs.
"""
