package dev.reckon.web;

import dev.reckon.domain.report.GroupBy;
import dev.reckon.domain.shared.Provider;
import dev.reckon.ports.in.SpendQuery;
import dev.reckon.ports.in.SpendTimeseriesUseCase.Bucket;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Query parameters of the usage routes. Error details name the parameter and the rule; they echo a
 * value only after it parsed as a date, so no submitted text is reflected.
 */
final class UsageParams {

  private UsageParams() {}

  /** Days {@code from} to {@code to} inclusive. */
  record Range(LocalDate from, LocalDate to) {}

  /** Returns {@code from} and {@code to}, checked to be in order and at most a report long. */
  static Range range(Context ctx) {
    LocalDate from = date(ctx, "from");
    LocalDate to = date(ctx, "to");
    if (from.isAfter(to)) {
      throw ProblemException.validation(
          "'from' (" + from + ") must not be after 'to' (" + to + ")");
    }
    long days = ChronoUnit.DAYS.between(from, to) + 1;
    if (days > SpendQuery.MAX_DAYS) {
      throw ProblemException.validation(
          "'from' to 'to' spans "
              + days
              + " days: a request covers at most "
              + SpendQuery.MAX_DAYS
              + " days, so split it");
    }
    return new Range(from, to);
  }

  static GroupBy summaryGroupBy(Context ctx) {
    String text = ctx.queryParam("group_by");
    return text == null ? GroupBy.DAY : groupBy(text, Arrays.asList(GroupBy.values()));
  }

  static Optional<GroupBy> timeseriesGroupBy(Context ctx) {
    String text = ctx.queryParam("group_by");
    if (text == null) {
      return Optional.empty();
    }
    var allowed = Arrays.stream(GroupBy.values()).filter(g -> g != GroupBy.DAY).toList();
    return Optional.of(groupBy(text, allowed));
  }

  static Optional<Provider> provider(Context ctx) {
    String text = ctx.queryParam("provider");
    if (text == null) {
      return Optional.empty();
    }
    return Arrays.stream(Provider.values())
        .filter(provider -> provider.id().equals(text))
        .findFirst()
        .map(Optional::of)
        .orElseThrow(
            () -> ProblemException.validation("'provider' must be one of " + Provider.idList()));
  }

  static Bucket bucket(Context ctx) {
    String text = ctx.queryParam("bucket");
    if (text == null) {
      return Bucket.DAY;
    }
    return switch (text) {
      case "hour" -> Bucket.HOUR;
      case "day" -> Bucket.DAY;
      default -> throw ProblemException.validation("'bucket' must be hour or day");
    };
  }

  private static LocalDate date(Context ctx, String name) {
    String text = ctx.queryParam(name);
    if (text == null || text.isEmpty()) {
      throw ProblemException.validation(
          "'" + name + "' is required: give a date in the form YYYY-MM-DD");
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw ProblemException.validation("'" + name + "' must be a date in the form YYYY-MM-DD");
    }
  }

  private static GroupBy groupBy(String text, List<GroupBy> allowed) {
    for (GroupBy groupBy : allowed) {
      if (groupBy.id().equals(text)) {
        return groupBy;
      }
    }
    String ids = allowed.stream().map(GroupBy::id).collect(Collectors.joining(", "));
    throw ProblemException.validation("'group_by' must be one of " + ids);
  }

  static String lowerCase(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
