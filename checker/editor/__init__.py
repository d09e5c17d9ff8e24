"""Editor tooling: the language server, its frames, editor features, the formatter and the highlighting lexer."""
