package dev.reckon.sandbox;

/** The usage of one stream in one hour, the unit from which every response is aggregated. */
record UsageRecord(UsageStream stream, long hourStart, TokenTotals totals) {}
