package dev.reckon.ports.service;

import dev.reckon.domain.shared.Money;
import dev.reckon.domain.usage.TokenCounts;
import dev.reckon.ports.in.SpendTimeseriesUseCase.Point;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Adds usage and billed cost into one sum per chart bucket start and group. */
final class TimeseriesPoints {

  private final Map<PointKey, Sum> sums = new HashMap<>();

  /** Adds usage; an empty estimate means the price table has no price for the usage's model. */
  void addUsage(
      Instant start, String group, TokenCounts tokens, Long requests, Optional<Money> estimate) {
    Sum sum = sums.computeIfAbsent(new PointKey(start, group), key -> new Sum());
    sum.inputTokens = Math.addExact(sum.inputTokens, tokens.totalInput());
    sum.outputTokens = Math.addExact(sum.outputTokens, tokens.output());
    if (requests != null) {
      sum.requests = sum.requests == null ? requests : Math.addExact(sum.requests, requests);
    }
    if (estimate.isPresent()) {
      sum.estimated = sum.estimated == null ? estimate.get() : sum.estimated.plus(estimate.get());
    }
  }

  void addBilled(Instant start, String group, Money amount) {
    Sum sum = sums.computeIfAbsent(new PointKey(start, group), key -> new Sum());
    sum.billed = sum.billed == null ? amount : sum.billed.plus(amount);
  }

  /** Returns the points ordered by start, then group. */
  List<Point> points() {
    return sums.entrySet().stream()
        .map(entry -> entry.getValue().toPoint(entry.getKey()))
        .sorted(
            Comparator.comparing(Point::start)
                .thenComparing(Point::group, Comparator.nullsFirst(Comparator.naturalOrder())))
        .toList();
  }

  /** Identity of a point; {@code group} is null when the query has no group-by. */
  private record PointKey(Instant start, String group) {}

  private static final class Sum {
    Money billed;
    Money estimated;
    long inputTokens;
    long outputTokens;
    Long requests;

    Point toPoint(PointKey key) {
      return new Point(
          key.start(), key.group(), billed, estimated, inputTokens, outputTokens, requests);
    }
  }
}
