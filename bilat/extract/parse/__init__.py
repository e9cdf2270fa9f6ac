"""Shared parsers every fact family reads with: numbers, money, periods, datelines,
page furniture, line-cut sentences and the nominative forms of names."""
