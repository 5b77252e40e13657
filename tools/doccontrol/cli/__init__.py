"""The command line: thin shells over the core, one module per command group."""
