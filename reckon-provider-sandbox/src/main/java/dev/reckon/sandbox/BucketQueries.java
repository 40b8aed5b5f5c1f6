package dev.reckon.sandbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** Parameter rules shared by the usage and cost endpoints of both providers. */
final class BucketQueries {

  private BucketQueries() {}

  /**
   * Parses {@code bucket_width}. Minute buckets are rejected: the sandbox models usage per hour.
   *
   * @param onlyDays whether the endpoint serves only daily buckets, as the cost endpoints do
   */
  static BucketWidth width(QueryParams query, boolean onlyDays) {
    String label = query.single("bucket_width").orElse(BucketWidth.DAY.label());
    Optional<BucketWidth> width = BucketWidth.fromLabel(label);
    if (width.isEmpty()) {
      throw ApiError.invalid(
          "bucket_width",
          "Invalid value for 'bucket_width': expected 1m, 1h or 1d (was '" + label + "')");
    }
    if (onlyDays && width.get() != BucketWidth.DAY) {
      throw ApiError.invalid(
          "bucket_width",
          "Invalid value for 'bucket_width': this endpoint serves only 1d buckets (was '"
              + label
              + "')");
    }
    if (width.get() == BucketWidth.MINUTE) {
      throw ApiError.invalid(
          "bucket_width",
          "Invalid value for 'bucket_width': the provider sandbox does not serve 1m buckets;"
              + " use 1h or 1d");
    }
    return width.get();
  }

  /** Parses {@code limit}, the number of buckets per page. */
  static int limit(QueryParams query, int defaultLimit, int max, String scope) {
    OptionalLong given = query.optionalLong("limit");
    if (given.isEmpty()) {
      return defaultLimit;
    }
    long limit = given.getAsLong();
    if (limit < 1 || limit > max) {
      throw ApiError.invalid(
          "limit",
          "Invalid value for 'limit': must be between 1 and "
              + max
              + scope
              + " (was "
              + limit
              + ")");
    }
    return (int) limit;
  }

  /** Parses a repeated grouping parameter; duplicates count once. */
  static List<String> groupBy(QueryParams query, String param, List<String> allowed) {
    List<String> groupBy = new ArrayList<>();
    for (String value : query.all(param)) {
      if (!allowed.contains(value)) {
        throw ApiError.invalid(
            param,
            "Invalid value for '"
                + param
                + "': '"
                + value
                + "' is not one of "
                + String.join(", ", allowed));
      }
      if (!groupBy.contains(value)) {
        groupBy.add(value);
      }
    }
    return List.copyOf(groupBy);
  }

  /**
   * Parses list filters such as {@code models}; a row passes when its value is in every given list.
   *
   * @param dimensionByParam the dimension each filter parameter applies to
   */
  static Map<String, Set<String>> filters(QueryParams query, Map<String, String> dimensionByParam) {
    Map<String, Set<String>> filters = new LinkedHashMap<>();
    dimensionByParam.forEach(
        (param, dimension) -> {
          List<String> values = query.all(param);
          if (!values.isEmpty()) {
            filters.put(dimension, new HashSet<>(values));
          }
        });
    return filters;
  }

  static boolean matches(Map<String, Object> dimensions, Map<String, Set<String>> filters) {
    for (Map.Entry<String, Set<String>> filter : filters.entrySet()) {
      Object value = dimensions.get(filter.getKey());
      if (value == null || !filter.getValue().contains(value.toString())) {
        return false;
      }
    }
    return true;
  }

  /** Returns where the page starts: the first bucket, or the bucket a cursor points at. */
  static long position(QueryParams query, String path, BucketSequence sequence) {
    Optional<String> cursor = query.single("page");
    if (cursor.isEmpty()) {
      return sequence.first();
    }
    long position = PageCursor.decode(cursor.get(), query.fingerprint(path));
    if (!sequence.startsBucketAt(position)) {
      throw ApiError.invalid(
          "page", "Invalid value for 'page': the cursor points outside the requested time range");
    }
    return position;
  }

  /** Returns the cursor of the next page, or null on the last page. */
  static String nextPage(BucketSequence.Page page, QueryParams query, String path) {
    return page.next() == null ? null : PageCursor.encode(page.next(), query.fingerprint(path));
  }
}
