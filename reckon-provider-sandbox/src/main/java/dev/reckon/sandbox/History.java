package dev.reckon.sandbox;

import java.time.Instant;

/**
 * The hours that have usage at one instant: the 400 days before the current hour. The current hour
 * is not history yet, so every hour a client can see is final.
 *
 * @param start the first hour with usage, in epoch seconds
 * @param end the start of the current hour, exclusive, in epoch seconds
 */
record History(long start, long end) {

  static final long DAYS = 400;

  static History at(Instant now) {
    long end = Bucket.alignDown(now.getEpochSecond(), Bucket.HOUR);
    return new History(end - DAYS * Bucket.DAY, end);
  }

  boolean contains(long hourStart) {
    return hourStart >= start && hourStart < end;
  }
}
