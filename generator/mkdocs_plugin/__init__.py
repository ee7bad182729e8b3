"""The MkDocs adapter: the only package of the digest that imports MkDocs."""
