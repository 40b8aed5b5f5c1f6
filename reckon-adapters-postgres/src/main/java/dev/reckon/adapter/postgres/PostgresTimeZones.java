package dev.reckon.adapter.postgres;

import java.time.ZoneId;
import java.time.ZoneOffset;

/** Converts Java time zones to names PostgreSQL's {@code AT TIME ZONE} reads the same way. */
final class PostgresTimeZones {

  private PostgresTimeZones() {}

  /**
   * Returns the region name (such as {@code Europe/Berlin}) unchanged. A fixed offset becomes a
   * POSIX zone with the sign inverted, because PostgreSQL reads a bare {@code '+02:00'} as POSIX,
   * where positive means west of Greenwich.
   */
  static String of(ZoneId zone) {
    ZoneId normalized = zone.normalized();
    if (!(normalized instanceof ZoneOffset offset)) {
      return zone.getId();
    }
    int seconds = offset.getTotalSeconds();
    if (seconds == 0) {
      return "UTC";
    }
    String east = seconds > 0 ? "+" : "-";
    String posixSign = seconds > 0 ? "-" : "+";
    int absolute = Math.abs(seconds);
    String hoursMinutes = String.format("%02d:%02d", absolute / 3600, absolute / 60 % 60);
    String withSeconds =
        absolute % 60 == 0 ? hoursMinutes : hoursMinutes + String.format(":%02d", absolute % 60);
    return "<" + east + withSeconds.replace(":", "") + ">" + posixSign + withSeconds;
  }
}
