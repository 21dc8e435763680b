"""Settings modules: base (shared, reads the environment), dev, test, production."""
