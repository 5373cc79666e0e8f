"""A synthetic dataset at the size of a city, a region or the whole country (`generate_dataset`).

Each module writes one domain's rows straight into the tables (`base.Writer`: COPY on
PostgreSQL, executemany on SQLite), with ids chosen up front so rows can point at each other
without reading anything back. Models' save() and signals are bypassed on purpose: the search
index is built in bulk at the end.
"""
