"""People with their roles, organisations, and quotes of who said what."""
