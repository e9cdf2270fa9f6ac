"""Economic figures: trade, change, share, volume, investment; the keyword tables and
the parties they share, and the attributes (qualifier, status, period) read around a figure."""
